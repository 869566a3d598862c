import { portalSlaReport } from '$lib/server/domain/portal/sla-portal.service';
import { periodNavigation } from '$lib/server/domain/portal/report-period';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const report = await portalSlaReport(db, actor, event.params.id, event.url.searchParams.get('period'));
		return { report, ...periodNavigation(report.period) };
	});
