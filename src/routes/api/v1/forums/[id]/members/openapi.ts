/** The OpenAPI description of /api/v1/forums/{id}/members; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { MemberInput } from '$lib/server/domain/governance/forums.service';
import { ForumMember, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: {
		operationId: 'addForumMember',
		tag: 'forums',
		summary: 'Add a member to a forum',
		body: { ForumMemberInput: MemberInput },
		success: { status: 201, description: 'Added', schema: one('member', ForumMember) },
		errors: [403, 409]
	}
};
