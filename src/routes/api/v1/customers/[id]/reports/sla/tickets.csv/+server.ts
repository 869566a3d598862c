import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { drillDownCsv } from '$lib/server/domain/portal/sla-csv';
import { csvResponse } from '$lib/server/domain/portal/csv';
import { slaDrillDown } from '$lib/server/domain/portal/sla-portal.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const input = { ...Object.fromEntries(event.url.searchParams), limit: 5000 };
	const d = await slaDrillDown(app.db, actor, event.params.id!, input);
	return csvResponse(`sla-${d.period.key}-${d.metric}-${d.outcome}${d.priority ? `-p${d.priority}` : ''}.csv`, drillDownCsv(d, exportLocale(event.url, getLocale())));
});
