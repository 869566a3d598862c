import { app } from '$lib/server/app';
import { resetPassword, viewPasswordReset } from '$lib/server/domain/accounts/password-reset.service';
import { MIN_PASSWORD_LENGTH } from '$lib/server/domain/tenancy/password';
import { anonymousAction } from '$lib/server/http/account-forms';
import type { Actions, PageServerLoad } from './$types';

/** A reset link: whose password it changes, or that it does not work (404). */
export const load: PageServerLoad = async ({ params }) => {
	// the token is in the address: the site's Referrer-Policy (same-origin) never sends it to another site
	const reset = await viewPasswordReset((await app()).db, params.token);
	return { reset, minPasswordLength: MIN_PASSWORD_LENGTH };
};

export const actions: Actions = {
	default: anonymousAction(({ app, data, event }) => resetPassword(app.db, event.params.token ?? '', { password: data.password ?? '' }))
};
