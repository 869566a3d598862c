import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { DomainError } from '$lib/server/domain/errors';
import { login } from '$lib/server/domain/tenancy/auth.service';
import { isOidcRefusal, providerForEmail } from '$lib/server/domain/tenancy/oidc-sign-in.service';
import { readForm } from '$lib/server/http/forms';
import { oidcStartPath } from '$lib/server/http/oidc-cookie';
import { safeNext } from '$lib/server/http/safe-next';
import { setChallengeCookie, setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
	// why a sign-in through the organisation's provider came back refused (the callback's redirect)
	const oidc = url.searchParams.get('oidc');
	return { oidcRefusal: isOidcRefusal(oidc) ? oidc : oidc === 'no_provider' ? ('no_provider' as const) : null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const { db, loginLimiter, codeLimiter } = await app();
		// e-mail first: without a password, an address whose domain has its organisation's provider goes there
		if (!password && email.includes('@') && (await providerForEmail(db, email.trim().toLowerCase()))) {
			return { email, redirectTo: oidcStartPath(email.trim().toLowerCase(), event.url.searchParams.get('next')) };
		}
		try {
			const result = await login(db, { password: loginLimiter, code: codeLimiter }, { email, password }, event.getClientAddress(), event.request.headers.get('user-agent'));
			// [issue 17, local accounts] two-factor sign-in on: the code is asked on its own page
			if (result.twoFactor) {
				setChallengeCookie(event.cookies, event.url, result.challenge, result.expiresAt);
				redirect(303, `/login/two-factor${event.url.search}`);
			}
			setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			const reason =
				err.code === 'rate_limited'
					? 'rate_limited'
					: err.code === 'invalid'
						? 'invalid'
						: err.messageCode.code === 'login.use_provider'
							? 'use_provider'
							: 'failed';
			return fail(err.code === 'rate_limited' ? 429 : err.code === 'forbidden' ? 403 : 400, { email, reason, fields: err.fields });
		}
		redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin));
	}
};
