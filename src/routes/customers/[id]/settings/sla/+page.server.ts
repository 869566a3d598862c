import { settingsAccess, slaSettingsForEdit } from '$lib/server/domain/itsm/settings/settings-pages.service';
import { HOLIDAY_COUNTRIES, SUGGESTED_ZONES } from '$lib/server/domain/itsm/sla/sla-settings';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { saveSlaSettingsFromForm } from '$lib/server/http/itsm-settings-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		// 404 for another customer's people, 403 for those of this customer who may not configure
		const settings = await slaSettingsForEdit(db, actor, customerId);
		const customer = await getCustomer(db, actor, customerId);
		return {
			customer: { id: customer.id, name: customer.name },
			settings,
			access: settingsAccess(actor, customerId),
			// what the form offers: the domain's suggested zones and the holiday countries it accepts
			zones: SUGGESTED_ZONES,
			countries: HOLIDAY_COUNTRIES
		};
	});

export const actions: Actions = {
	save: formAction(({ app, actor, data, event }) => saveSlaSettingsFromForm(app.db, actor, event.params.id ?? '', data))
};
