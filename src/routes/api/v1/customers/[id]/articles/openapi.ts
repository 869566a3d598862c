/** The OpenAPI description of /api/v1/customers/{id}/articles; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ArticleInput, ArticleListQuery } from '$lib/server/domain/kb/kb.service';
import { Article, ArticleSummary } from '$lib/server/http/openapi-portal';
import { queryOf, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listArticles', 'knowledge base', "Knowledge-base articles the caller reads: the customer's own and the shared ones, by audience", 'Articles', z.strictObject({ articles: z.array(ArticleSummary) }), {
		description: 'An API token needs the scope `kb:read` and reads what every user of its customer reads.',
		query: queryOf(ArticleListQuery, { kind: 'Only articles or only guides', category: 'Only this category', service: 'Only this service' }),
		errors: [403]
	}),
	POST: created('createArticle', 'knowledge base', 'Publishes an article (version 1): supplier staff, or the customer admin for its own customer', 'The article', z.strictObject({ article: Article }), {
		description: '`body` is a Lexical SerializedEditorState, or send `markup` (## heading, - bullet, 1. step, **bold**, [text](https://…)). `shared`: for every customer (supplier staff).',
		body: { ArticleInput },
		errors: [403]
	})
};
