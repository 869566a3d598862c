/** The OpenAPI description of /api/v1/customers/{id}/search; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { SearchQuery } from '$lib/server/domain/kb/kb.service';
import { SearchHit } from '$lib/server/http/openapi-portal';
import { queryOf, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('searchKnowledgeBase', 'knowledge base', 'Full-text search in Swedish over the articles the caller reads, best match first', 'Hits', z.strictObject({ results: z.array(SearchHit) }), {
		description: 'Inflected Swedish words find their base form (stem + prefix match). Any input is accepted; nothing searchable gives an empty list. An API token needs the scope `kb:read`.',
		query: queryOf(SearchQuery, { q: 'What to look for (the first 500 characters count)' }),
		errors: [403]
	})
};
