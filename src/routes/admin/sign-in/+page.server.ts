import { identityProviderPage } from '$lib/server/http/identity-provider-page';
import type { Actions, PageServerLoad } from './$types';

/** The supplier's own identity provider: its staff sign in through it. */
const page = identityProviderPage(() => null);

export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;
