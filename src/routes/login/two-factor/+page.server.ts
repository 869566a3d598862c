import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { completeSecondFactor } from '$lib/server/domain/tenancy/auth.service';
import { DomainError } from '$lib/server/domain/errors';
import { readForm } from '$lib/server/http/forms';
import { safeNext } from '$lib/server/http/safe-next';
import { clearChallengeCookie, readChallengeCookie, setSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** The second sign-in step: only after a correct password (the challenge cookie). */
export const load: PageServerLoad = ({ locals, url, cookies }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
	if (!readChallengeCookie(cookies)) redirect(303, `/login${url.search}`);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const { db, codeLimiter } = await app();
		try {
			const result = await completeSecondFactor(db, codeLimiter, readChallengeCookie(event.cookies) ?? '', { code: String(form.get('code') ?? '') }, { ip: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') });
			clearChallengeCookie(event.cookies, event.url);
			setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			// the challenge is spent (expired, too many wrong codes): back to the password
			if (err.messageCode.code === 'two_factor.expired') {
				clearChallengeCookie(event.cookies, event.url);
				redirect(303, `/login${event.url.search}`);
			}
			return fail(err.code === 'rate_limited' ? 429 : 400, { reason: err.code === 'rate_limited' ? 'rate_limited' : 'wrong_code' });
		}
		redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin));
	}
};
