import { findAnything } from '$lib/server/domain/search/search.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const q = event.url.searchParams.get('q') ?? '';
	return loadWith(event, async ({ db }, actor) => {
		if (!q.trim()) return { q, result: null, failed: false };
		try {
			return { q, result: await findAnything(db, actor, { q }), failed: false };
		} catch (err) {
			// the page says so and offers to try again; the cause goes to the log
			console.error('search failed', err);
			return { q, result: null, failed: true };
		}
	});
};
