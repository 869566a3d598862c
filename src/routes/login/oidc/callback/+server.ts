import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { finishOidcSignIn, OidcRefused } from '$lib/server/domain/tenancy/oidc-sign-in.service';
import { takeOidcStateCookie } from '$lib/server/http/oidc-cookie';
import { safeNext } from '$lib/server/http/safe-next';
import { setSessionCookie } from '$lib/server/http/session-cookie';
import type { RequestHandler } from './$types';

/** The provider sends the browser back here with a code; a refusal goes back to the sign-in page, which says why. */
export const GET: RequestHandler = async ({ url, cookies }) => {
	const browserState = takeOidcStateCookie(cookies, url);
	const { db } = await app();
	let signedIn;
	try {
		signedIn = await finishOidcSignIn(db, { currentUrl: url, browserState });
	} catch (err) {
		if (!(err instanceof OidcRefused)) throw err;
		console.warn(err.message);
		redirect(303, `/login?oidc=${err.reason}`);
	}
	setSessionCookie(cookies, url, signedIn.token, signedIn.expiresAt);
	redirect(303, safeNext(signedIn.next, url.origin));
};
