import { listAuditEntries } from '$lib/server/domain/audit/audit.service';
import { authed } from '$lib/server/http/api';

/** ?customerId= one customer's relation; without it the whole installation (supplier admins). */
export const GET = authed(async ({ app, actor, event }) => ({
	entries: await listAuditEntries(app.db, actor, event.url.searchParams.get('customerId') || null)
}));
