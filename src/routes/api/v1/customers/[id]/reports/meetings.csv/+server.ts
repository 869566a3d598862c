import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { csvResponse } from '$lib/server/domain/portal/csv';
import { meetingsCsv } from '$lib/server/domain/portal/meetings-csv';
import { meetingsReport } from '$lib/server/domain/portal/meetings-report.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	const report = await meetingsReport(app.db, actor, event.params.id!, { q: q.get('q') ?? undefined });
	const table = q.get('table');
	return csvResponse(`${table === 'actions' ? 'aktiviteter' : 'beslut'}.csv`, meetingsCsv(report, table, exportLocale(event.url, getLocale())));
});
