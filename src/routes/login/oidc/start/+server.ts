import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { admitOidcStart, OidcRefused, providerForEmail, startOidcSignIn } from '$lib/server/domain/tenancy/oidc-sign-in.service';
import { OIDC_CALLBACK_PATH } from '$lib/server/domain/tenancy/identity-providers.service';
import { setOidcStateCookie } from '$lib/server/http/oidc-cookie';
import { safeNext } from '$lib/server/http/safe-next';
import type { RequestHandler } from './$types';

/** Home-realm discovery: sends the browser to the provider of the e-mail's organisation. */
export const GET: RequestHandler = async ({ url, cookies, getClientAddress }) => {
	const email = (url.searchParams.get('email') ?? '').trim().toLowerCase().slice(0, 254);
	const next = url.searchParams.get('next');
	const { db, oidcStartLimiter } = await app();
	const provider = email ? await providerForEmail(db, email) : undefined;
	if (!provider) redirect(303, `/login?${new URLSearchParams({ oidc: 'no_provider', ...(next ? { next } : {}) })}`);
	let start;
	try {
		await admitOidcStart(oidcStartLimiter, email, getClientAddress());
		start = await startOidcSignIn(db, provider, {
			redirectUri: new URL(OIDC_CALLBACK_PATH, url.origin).href,
			loginHint: email,
			next: next ? safeNext(next, url.origin) : null
		});
	} catch (err) {
		if (!(err instanceof OidcRefused)) throw err;
		console.warn(err.message);
		redirect(303, `/login?oidc=${err.reason}`);
	}
	setOidcStateCookie(cookies, url, start.state);
	redirect(303, start.url);
};
