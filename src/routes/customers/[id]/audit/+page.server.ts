import { auditPage } from '$lib/server/domain/audit/audit.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/** A customer's own audit view: its admin (read-only, the customer's changes only) and supplier admins. */
export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		// 404 for another customer's page before anything else is read
		const customer = await getCustomer(db, actor, customerId);
		// 403 for anyone but the customer's admin and supplier admins
		const audit = await auditPage(db, actor, customerId, Object.fromEntries(event.url.searchParams));
		return { customer: { id: customer.id, name: customer.name }, ...audit };
	});
