import { kpiTargetsForEdit, settingsAccess } from '$lib/server/domain/itsm/settings/settings-pages.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { resetKpiTargets, saveKpiTargetsFromForm } from '$lib/server/http/itsm-settings-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		// 404 for another customer's people, 403 for those of this customer who may not configure
		const targets = await kpiTargetsForEdit(db, actor, customerId);
		const customer = await getCustomer(db, actor, customerId);
		return { customer: { id: customer.id, name: customer.name }, targets, access: settingsAccess(actor, customerId) };
	});

export const actions: Actions = {
	save: formAction(({ app, actor, data, event }) => saveKpiTargetsFromForm(app.db, actor, event.params.id ?? '', data)),
	reset: formAction(({ app, actor, event }) => resetKpiTargets(app.db, actor, event.params.id ?? ''))
};
