import { enterManualKpi, readKpiReport } from '$lib/server/domain/itsm/kpi/kpi.service';
import { parsePeriod } from '$lib/server/domain/itsm/period';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	return { kpis: await readKpiReport(app.db, actor, event.params.id!, parsePeriod({ from: q.get('from'), to: q.get('to') })) };
});

/** A manual KPI value for a period (e.g. a user survey). */
export const POST = authed(async ({ app, actor, event }) => {
	const row = await enterManualKpi(app.db, actor, event.params.id!, await readJson(event.request));
	return { manualKpi: { id: row.id, kpi: row.kpi, name: row.name, periodFrom: row.period_from, periodTo: row.period_to, value: row.value, unit: row.unit, note: row.note } };
}, 201);
