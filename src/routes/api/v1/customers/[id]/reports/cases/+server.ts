import { casesReport } from '$lib/server/domain/portal/cases-report.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({
	report: await casesReport(app.db, actor, event.params.id!, event.url.searchParams.get('period'))
}));
