import { portalSlaReport } from '$lib/server/domain/portal/sla-portal.service';
import { currentMonth, shiftPeriod, toQuarter, trailingPeriods } from '$lib/server/domain/portal/report-period';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const report = await portalSlaReport(db, actor, event.params.id, event.url.searchParams.get('period'));
		const month = currentMonth();
		return {
			report,
			options: {
				months: trailingPeriods(month, 13).reverse().map((p) => p.key),
				quarters: trailingPeriods(toQuarter(month), 6).reverse().map((p) => p.key)
			},
			previous: shiftPeriod(report.period, -1).key,
			next: shiftPeriod(report.period, 1).key
		};
	});
