import { listOutbox } from '$lib/server/domain/notifications/outbox-admin.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/** The mails about one customer: its admin and supplier admins. */
export const load: PageServerLoad = (event) =>
	loadWith(event, async (app, actor) => {
		// 404 for another customer's page before anything else is read
		const customer = await getCustomer(app.db, actor, event.params.id);
		const filter = Object.fromEntries(event.url.searchParams);
		const page = await listOutbox(app.db, actor, customer.id, app.notifications.mailContext, filter);
		return { customer: { id: customer.id, name: customer.name }, ...page, status: filter.status ?? null, keptOnly: !app.notifications.sends };
	});
