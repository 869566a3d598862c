/** The OpenAPI description of /api/v1/customers/{id}/articles/{articleId}; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ArticleInput } from '$lib/server/domain/kb/kb.service';
import { Article } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getArticle',
		tag: 'knowledge base',
		summary: 'One article with its versions; another audience or customer is 404',
		description: 'Views and helpful counts are those of the customer in the path. Reading through the API does not count a view (the article page does). An API token needs the scope `kb:read`.',
		success: { status: 200, description: 'The article', schema: z.strictObject({ article: Article }) },
		errors: [403]
	},
	PUT: {
		operationId: 'updateArticle',
		tag: 'knowledge base',
		summary: 'Saves a new version of an article',
		body: { ArticleInput },
		success: { status: 200, description: 'The article', schema: z.strictObject({ article: Article }) },
		errors: [403]
	}
};
