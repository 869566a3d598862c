import { identityProviderPage } from '$lib/server/http/identity-provider-page';
import type { Actions, PageServerLoad } from './$types';

/** A customer's own identity provider: its people sign in through it. */
const page = identityProviderPage((event) => event.params.id ?? '');

export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;
