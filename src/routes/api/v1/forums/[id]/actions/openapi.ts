/** The OpenAPI description of /api/v1/forums/{id}/actions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ACTION_QUERY, ActionItem } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listForumActions',
		tag: 'actions',
		summary: "The forum's activity list (aktivitetslista), in list order",
		description: 'Kept in step with the shared document forum.<id>.actions a moment (≈0.3 s) after each edit.',
		query: ACTION_QUERY,
		success: { status: 200, description: 'Action items', schema: z.strictObject({ actions: z.array(ActionItem) }) }
	}
};
