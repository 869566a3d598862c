/** The OpenAPI description of /api/v1/forums/{id}/actions; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { ACTION_QUERY, ActionItem } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	GET: ok('listForumActions', 'actions', "The forum's activity list (aktivitetslista), in list order", 'Action items', z.strictObject({ actions: z.array(ActionItem) }), {
		description: 'Kept in step with the shared document forum.<id>.actions a moment (≈0.3 s) after each edit.',
		query: ACTION_QUERY
	})
};
