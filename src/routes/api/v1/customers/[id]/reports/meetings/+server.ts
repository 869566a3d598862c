import { meetingsReport } from '$lib/server/domain/portal/meetings-report.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({
	report: await meetingsReport(app.db, actor, event.params.id!, { q: event.url.searchParams.get('q') ?? undefined })
}));
