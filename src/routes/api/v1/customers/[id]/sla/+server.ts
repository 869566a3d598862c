import { parsePeriod } from '$lib/server/domain/itsm/period';
import { readSlaReport } from '$lib/server/domain/itsm/sla/sla-report.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	return { sla: await readSlaReport(app.db, actor, event.params.id!, parsePeriod({ from: q.get('from'), to: q.get('to') })) };
});
