import { listCustomerDecisions } from '$lib/server/domain/meetings/actions.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/**
 * The decision register of a customer, searchable (?q=): decisions of approved
 * minutes, counted; proposals from minutes not yet approved apart, marked as such.
 */
export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
		const customer = await getCustomer(db, actor, event.params.id);
		const [decisions, proposals] = await Promise.all([
			listCustomerDecisions(db, actor, customer.id, { ...(q ? { q } : {}), status: 'decided' }),
			listCustomerDecisions(db, actor, customer.id, { ...(q ? { q } : {}), status: 'proposed' })
		]);
		return { customer: { id: customer.id, name: customer.name }, q, decisions, proposals };
	});
