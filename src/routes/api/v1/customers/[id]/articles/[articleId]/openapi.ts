/** The OpenAPI description of /api/v1/customers/{id}/articles/{articleId}; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { ArticleInput } from '$lib/server/domain/kb/kb.service';
import { Article } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: ok('getArticle', 'knowledge base', 'One article with its versions; another audience or customer is 404', 'The article', z.strictObject({ article: Article }), {
		description: 'Views and helpful counts are those of the customer in the path. Reading through the API does not count a view (the article page does). An API token needs the scope `kb:read`.',
		errors: [403]
	}),
	PUT: ok('updateArticle', 'knowledge base', 'Saves a new version of an article', 'The article', z.strictObject({ article: Article }), { body: { ArticleInput }, errors: [403] })
};
