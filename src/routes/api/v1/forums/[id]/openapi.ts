/** The OpenAPI description of /api/v1/forums/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ForumUpdate } from '$lib/server/domain/governance/forums.service';
import { Forum, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getForum',
		tag: 'forums',
		summary: 'A forum with members, duties and cadence',
		success: { status: 200, description: 'The forum', schema: one('forum', Forum) }
	},
	PATCH: {
		operationId: 'updateForum',
		tag: 'forums',
		summary: "Change a forum's names, purpose or cadence (supplier admin, or the customer's admin)",
		body: { ForumUpdate },
		success: { status: 200, description: 'The forum after the change', schema: one('forum', Forum) },
		errors: [403]
	}
};
