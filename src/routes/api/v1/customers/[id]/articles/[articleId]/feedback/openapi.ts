/** The OpenAPI description of /api/v1/customers/{id}/articles/{articleId}/feedback; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { FeedbackInput } from '$lib/server/domain/kb/kb.service';

export const openapi: RouteDescription = {
	POST: ok('giveArticleFeedback', 'knowledge base', '"Was this helpful?": one answer per person, answering again replaces it', 'The counts of the customer in the path after the answer', z.strictObject({ feedback: z.strictObject({ helpful: z.boolean(), helpfulYes: z.int(), helpfulNo: z.int() }) }), {
		description: "An answer counts for the answering person's own customer; supplier staff's answers are kept but counted for no customer. A person's answer: never an API token's (403).",
		body: { FeedbackInput },
		errors: [403]
	})
};
