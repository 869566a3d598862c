import { settingsAccess, tokensForAdmin } from '$lib/server/domain/itsm/settings/settings-pages.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { createTokenFromForm, revokeTokenFromForm } from '$lib/server/http/itsm-settings-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		// 404 for another customer's people, 403 for those of this customer who may not manage tokens
		const { tokens, scopes } = await tokensForAdmin(db, actor, customerId);
		const customer = await getCustomer(db, actor, customerId);
		return { customer: { id: customer.id, name: customer.name }, tokens, scopes, access: settingsAccess(actor, customerId) };
	});

export const actions: Actions = {
	// the secret is in this action's answer only, never in the page's data
	create: formAction(({ app, actor, data, event }) => createTokenFromForm(app.db, actor, event.params.id ?? '', data)),
	revoke: formAction(({ app, actor, data, event }) => revokeTokenFromForm(app.db, actor, event.params.id ?? '', data))
};
