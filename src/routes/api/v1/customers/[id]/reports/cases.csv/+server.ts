import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { casesCsv } from '$lib/server/domain/portal/cases-csv';
import { casesReport } from '$lib/server/domain/portal/cases-report.service';
import { csvResponse } from '$lib/server/domain/portal/csv';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const report = await casesReport(app.db, actor, event.params.id!, event.url.searchParams.get('period'));
	return csvResponse(`arenden-${report.period.key}.csv`, casesCsv(report, exportLocale(event.url, getLocale())));
});
