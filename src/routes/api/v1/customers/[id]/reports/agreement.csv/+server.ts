import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { invoicingReport } from '$lib/server/domain/agreement/follow-up.service';
import { agreementReportCsv } from '$lib/server/domain/portal/agreement-export';
import { csvResponse } from '$lib/server/domain/portal/csv';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	const report = await invoicingReport(app.db, actor, event.params.id!, { from: q.get('from') ?? undefined, to: q.get('to') ?? undefined });
	return csvResponse(`avtal-${report.from}-${report.to}.csv`, agreementReportCsv(report, exportLocale(event.url, getLocale())));
});
