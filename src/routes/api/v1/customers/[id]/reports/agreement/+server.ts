import { invoicingReport } from '$lib/server/domain/agreement/follow-up.service';
import { authed } from '$lib/server/http/api';

/** ?from=yyyy-mm&to=yyyy-mm (default: the previous month) */
export const GET = authed(async ({ app, actor, event }) => ({
	report: await invoicingReport(app.db, actor, event.params.id!, Object.fromEntries(event.url.searchParams))
}));
