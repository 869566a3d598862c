import { listAuditEntries } from '$lib/server/domain/audit/audit.service';
import { authed } from '$lib/server/http/api';

/**
 * ?customerId= one customer's relation (a customer's admin: only the customer's own changes);
 * without it the whole installation (supplier admins). ?kind=, ?from=, ?to= filter.
 */
export const GET = authed(async ({ app, actor, event }) => {
	const { customerId, ...filter } = Object.fromEntries(event.url.searchParams);
	return { entries: await listAuditEntries(app.db, actor, customerId || null, filter) };
});
