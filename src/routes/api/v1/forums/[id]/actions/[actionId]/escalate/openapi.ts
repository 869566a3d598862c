/** The OpenAPI description of /api/v1/forums/{id}/actions/{actionId}/escalate; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { NoInput } from '$lib/server/http/openapi-meetings';
import { uuid, created } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: created('escalateAction', 'actions', 'Escalates an action to the next forum up (operational → tactical → strategic)', 'The new action in the higher forum', z.strictObject({ escalated: z.strictObject({ forumId: uuid(), actionId: uuid() }) }), {
		body: { NoInput },
		description: "Copied with its history into the higher forum's activity list and onto its next meeting's agenda.",
		errors: [403, 409]
	})
};
