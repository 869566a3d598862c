/** The OpenAPI description of /api/v1/forums/{id}/members; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { MemberInput } from '$lib/server/domain/governance/forums.service';
import { ForumMember, one, created } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: created('addForumMember', 'forums', 'Add a member to a forum', 'Added', one('member', ForumMember), { body: { ForumMemberInput: MemberInput }, errors: [403, 409] })
};
