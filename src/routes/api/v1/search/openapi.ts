/** The OpenAPI description of /api/v1/search; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { SEARCH_KINDS } from '$lib/server/domain/search/search-index';
import { FindQuery } from '$lib/server/domain/search/search.service';
import { ok, queryOf } from '$lib/server/http/openapi-schemas';

const Segments = z.array(z.strictObject({ text: z.string(), hit: z.boolean().describe('a word matching what was searched for') }));

const FindHit = z.strictObject({
	kind: z.enum(SEARCH_KINDS),
	id: z.string().describe('the index entry, stable across searches'),
	href: z.string().describe('where the hit opens: the meeting page at the agenda item, minutes, decision or action; the material download; the article'),
	title: Segments.describe("the hit's own title (else its meeting's), in pieces"),
	snippet: Segments.describe('a piece of its text around the match; empty for titles and file names'),
	meeting: z.strictObject({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
	customerId: z.string().nullable().describe('null: a knowledge-base article shared with every customer'),
	at: z.string().nullable()
});

export const openapi: RouteDescription = {
	GET: ok(
		'findAnything',
		'search',
		'Full-text search in Swedish over everything the caller may see: meeting titles, agenda items, minutes, decisions, actions, material file names, supplier-internal notes (supplier only) and knowledge-base articles',
		'Hits, best match first',
		z.strictObject({ q: z.string(), terms: z.array(z.string()), mode: z.enum(['all', 'any']), hits: z.array(FindHit) }),
		{
			description:
				"Inflected Swedish words find their base form (stem + prefix match): 'brandväggen' finds 'brandvägg'. Hits hold every word; when none does, hits holding some of them (`mode: any`). A customer's people get only their own customer's things and the articles for them; any input is accepted, nothing searchable gives no hits. At most 50 hits.",
			query: queryOf(FindQuery, { q: 'What to look for (the first 500 characters count)' })
		}
	)
};
