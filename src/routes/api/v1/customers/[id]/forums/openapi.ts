/** The OpenAPI description of /api/v1/customers/{id}/forums; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CreateFromTemplate } from '$lib/server/domain/governance/forums.service';
import { Forum, list, one, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listForums', 'forums', "A customer's forums", 'Forums', list('forums', Forum)),
	POST: created('createForum', 'forums', 'Create a forum from a template (supplier admin)', 'Created', one('forum', Forum), {
		description: 'Copies the template; members are the people holding its participant roles in this relation.',
		body: { ForumFromTemplateInput: CreateFromTemplate },
		errors: [403, 409]
	})
};
