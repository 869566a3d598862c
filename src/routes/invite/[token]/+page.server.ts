import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { acceptInvitation, viewInvitation } from '$lib/server/domain/accounts/invitations.service';
import { MIN_PASSWORD_LENGTH } from '$lib/server/domain/tenancy/password';
import { anonymousAction } from '$lib/server/http/account-forms';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/**
 * An invitation link: whom it invites, or that it does not work. The OIDC half
 * of issue 17 fills `invitation.provider` (viewInvitation) when the person's
 * organisation signs in with its own provider; the page then offers it too.
 */
export const load: PageServerLoad = async ({ params }) => {
	// the token is in the address: the site's Referrer-Policy (same-origin) never sends it to another site
	return { invitation: await viewInvitation((await app()).db, params.token), minPasswordLength: MIN_PASSWORD_LENGTH };
};

export const actions: Actions = {
	default: async (event) => {
		const signedIn: { session?: { token: string; expiresAt: Date } } = {};
		const outcome = await anonymousAction(async ({ app, data }) => {
			signedIn.session = await acceptInvitation(app.db, event.params.token ?? '', { password: data.password ?? '' }, event.request.headers.get('user-agent'));
		})(event);
		if (!signedIn.session) return outcome;
		setSessionCookie(event.cookies, event.url, signedIn.session.token, signedIn.session.expiresAt);
		redirect(303, '/');
	}
};
