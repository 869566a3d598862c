/** The OpenAPI description of /api/v1/forums/{id}/members/{personId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';

export const openapi: RouteDescription = {
	DELETE: {
		operationId: 'removeForumMember',
		tag: 'forums',
		summary: 'Remove a member from a forum (and from the duties they held there)',
		success: { status: 204, description: 'Removed' },
		errors: [403]
	}
};
