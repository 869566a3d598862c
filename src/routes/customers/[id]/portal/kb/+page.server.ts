import { kbStatistics, listArticles, searchArticles } from '$lib/server/domain/kb/kb.service';
import { can } from '$lib/server/domain/policy';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		const q = (event.url.searchParams.get('q') ?? '').slice(0, 500);
		const mayManage = can(actor, 'kb.manage', { customerId, audience: 'users' });
		return {
			q,
			results: q.trim() ? await searchArticles(db, actor, customerId, { q }) : null,
			articles: await listArticles(db, actor, customerId),
			stats: mayManage ? await kbStatistics(db, actor, customerId) : null,
			mayManage
		};
	});
