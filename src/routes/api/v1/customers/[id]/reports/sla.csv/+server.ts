import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { slaReportCsv } from '$lib/server/domain/portal/sla-csv';
import { csvResponse } from '$lib/server/domain/portal/csv';
import { portalSlaReport } from '$lib/server/domain/portal/sla-portal.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const report = await portalSlaReport(app.db, actor, event.params.id!, event.url.searchParams.get('period'));
	return csvResponse(`sla-${report.period.key}.csv`, slaReportCsv(report, exportLocale(event.url, getLocale())));
});
