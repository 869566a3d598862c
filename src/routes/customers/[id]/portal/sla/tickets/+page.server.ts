import { slaDrillDown } from '$lib/server/domain/portal/sla-portal.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => ({
		drill: await slaDrillDown(db, actor, event.params.id, { ...Object.fromEntries(event.url.searchParams), limit: 200, offset: 0 }),
		query: event.url.search
	}));
