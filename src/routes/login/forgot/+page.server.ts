import { redirect } from '@sveltejs/kit';
import { requestPasswordReset } from '$lib/server/domain/accounts/password-reset.service';
import { anonymousAction } from '$lib/server/http/account-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	default: anonymousAction(({ app, data, event }) => requestPasswordReset(app.db, app.resetLimiter, { email: data.email }, event.getClientAddress()))
};
