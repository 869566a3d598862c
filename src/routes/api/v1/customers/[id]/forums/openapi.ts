/** The OpenAPI description of /api/v1/customers/{id}/forums; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CreateFromTemplate } from '$lib/server/domain/governance/forums.service';
import { Forum, list, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listForums',
		tag: 'forums',
		summary: "A customer's forums",
		success: { status: 200, description: 'Forums', schema: list('forums', Forum) }
	},
	POST: {
		operationId: 'createForum',
		tag: 'forums',
		summary: 'Create a forum from a template (supplier admin)',
		description: 'Copies the template; members are the people holding its participant roles in this relation.',
		body: { ForumFromTemplateInput: CreateFromTemplate },
		success: { status: 201, description: 'Created', schema: one('forum', Forum) },
		errors: [403, 409]
	}
};
