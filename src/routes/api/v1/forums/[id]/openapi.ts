/** The OpenAPI description of /api/v1/forums/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ForumUpdate } from '$lib/server/domain/governance/forums.service';
import { Forum, one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getForum', 'forums', 'A forum with members, duties and cadence', 'The forum', one('forum', Forum)),
	PATCH: ok('updateForum', 'forums', "Change a forum's names, purpose or cadence (supplier admin, or the customer's admin)", 'The forum after the change', one('forum', Forum), {
		body: { ForumUpdate },
		errors: [403]
	})
};
