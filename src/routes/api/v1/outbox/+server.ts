import { listOutbox } from '$lib/server/domain/notifications/outbox-admin.service';
import { authed } from '$lib/server/http/api';

/** ?customerId= one customer's mails (its admin, or a supplier admin); without it every mail (supplier admins). */
export const GET = authed(async ({ app, actor, event }) => {
	const { customerId, ...filter } = Object.fromEntries(event.url.searchParams);
	return listOutbox(app.db, actor, customerId || null, app.notifications.mailContext, filter);
});
