/** The OpenAPI description of /api/v1/customers/{id}/articles/{articleId}/feedback; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { FeedbackInput } from '$lib/server/domain/kb/kb.service';

export const openapi: RouteDescription = {
	POST: {
		operationId: 'giveArticleFeedback',
		tag: 'knowledge base',
		summary: '"Was this helpful?": one answer per person, answering again replaces it',
		description: "An answer counts for the answering person's own customer; supplier staff's answers are kept but counted for no customer. A person's answer: never an API token's (403).",
		body: { FeedbackInput },
		success: {
			status: 200,
			description: 'The counts of the customer in the path after the answer',
			schema: z.strictObject({ feedback: z.strictObject({ helpful: z.boolean(), helpfulYes: z.int(), helpfulNo: z.int() }) })
		},
		errors: [403]
	}
};
