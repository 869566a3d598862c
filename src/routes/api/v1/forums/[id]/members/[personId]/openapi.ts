/** The OpenAPI description of /api/v1/forums/{id}/members/{personId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { noContent } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	DELETE: noContent('removeForumMember', 'forums', 'Remove a member from a forum (and from the duties they held there)', 'Removed', { errors: [403] })
};
