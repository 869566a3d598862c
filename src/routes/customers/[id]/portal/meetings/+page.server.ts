import { meetingsReport } from '$lib/server/domain/portal/meetings-report.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
		return { q, report: await meetingsReport(db, actor, event.params.id, { q: q || undefined }) };
	});
