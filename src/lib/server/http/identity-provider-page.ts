/**
 * The page of an organisation's own identity provider, the same for the
 * supplier's (/admin/sign-in) and a customer's (/customers/{id}/sign-in): who
 * may open it is the service's decision (identity.configure).
 */
import type { RequestEvent } from '@sveltejs/kit';
import {
	getIdentityProvider,
	OIDC_CALLBACK_PATH,
	removeIdentityProvider,
	saveIdentityProvider,
	testIdentityProvider
} from '../domain/tenancy/identity-providers.service';
import { getCustomer } from '../domain/tenancy/customers.service';
import { formAction, loadWith } from './forms';

export function identityProviderPage(orgOf: (event: RequestEvent) => string | null) {
	return {
		load: (event: RequestEvent) =>
			loadWith(event, async ({ db }, actor) => {
				const customerId = orgOf(event);
				// 404 for another customer's people, 403 for this customer's people who are not its admin
				const provider = await getIdentityProvider(db, actor, customerId);
				const customer = customerId ? await getCustomer(db, actor, customerId) : null;
				return {
					provider,
					customer: customer ? { id: customer.id, name: customer.name } : null,
					callbackUrl: new URL(OIDC_CALLBACK_PATH, event.url.origin).href
				};
			}),
		actions: {
			save: formAction(({ app, actor, data, event }) => saveIdentityProvider(app.db, actor, orgOf(event), data)),
			test: formAction(({ app, actor, event }) => testIdentityProvider(app.db, actor, orgOf(event))),
			remove: formAction(({ app, actor, event }) => removeIdentityProvider(app.db, actor, orgOf(event)))
		}
	};
}
