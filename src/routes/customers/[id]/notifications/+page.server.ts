import { customerDefaults, saveCustomerDefaults } from '$lib/server/domain/notifications/preferences.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { choicesFromForm } from '$lib/server/http/notification-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		// 404 for another customer's people, 403 for this customer's people who are not its admin
		const defaults = await customerDefaults(db, actor, event.params.id);
		const customer = await getCustomer(db, actor, event.params.id);
		return { customer: { id: customer.id, name: customer.name }, defaults };
	});

export const actions: Actions = {
	default: formAction(({ app, actor, data, event }) => saveCustomerDefaults(app.db, actor, event.params.id ?? '', choicesFromForm(data)))
};
