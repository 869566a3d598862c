import { listCustomerDecisions } from '$lib/server/domain/meetings/actions.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/** The decision register of a customer, searchable (?q=). */
export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
		const customer = await getCustomer(db, actor, event.params.id);
		const decisions = await listCustomerDecisions(db, actor, customer.id, q ? { q } : {});
		return { customer: { id: customer.id, name: customer.name }, q, decisions };
	});
