import { error, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/domain/policy';
import { createCustomer, listCustomers } from '$lib/server/domain/tenancy/customers.service';
import { formAction, loadWith, requireActor } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	// A customer's people have one customer: their own.
	if (!can(actor, 'customer.list')) {
		if (actor.customerId) redirect(303, `/customers/${actor.customerId}`);
		error(404, 'Not found');
	}
	return loadWith(event, async ({ db }, actor) => ({
		customers: await listCustomers(db, actor),
		canCreate: can(actor, 'customer.create')
	}));
};

export const actions: Actions = {
	create: formAction(async ({ app, actor, data }) => {
		const customer = await createCustomer(app.db, actor, { name: data.name, orgNumber: data.orgNumber });
		return { id: customer.id, name: customer.name };
	})
};
