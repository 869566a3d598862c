import type { Cookies } from '@sveltejs/kit';
import { OIDC_SIGN_IN_TTL_MS } from '../domain/tenancy/oidc-sign-in.service';

/**
 * The state of a sign-in at the organisation's provider, kept by the browser
 * that started it: the callback accepts only the answer to its own browser's
 * sign-in (no login CSRF). SameSite=Lax: the provider's redirect back is a
 * top-level navigation, which carries it.
 */
const OIDC_COOKIE = 'samverkan_oidc';
const PATH = '/login/oidc';

export function setOidcStateCookie(cookies: Cookies, url: URL, state: string): void {
	cookies.set(OIDC_COOKIE, state, { path: PATH, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: OIDC_SIGN_IN_TTL_MS / 1000 });
}

/** Reads the state and forgets it: it is good for one answer. */
export function takeOidcStateCookie(cookies: Cookies, url: URL): string | undefined {
	const state = cookies.get(OIDC_COOKIE);
	cookies.delete(OIDC_COOKIE, { path: PATH, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
	return state;
}

/** Where a sign-in through the provider of this e-mail's organisation starts (a link, not a form: see decisions.md). */
export const oidcStartPath = (email: string, next: string | null): string =>
	`${PATH}/start?${new URLSearchParams({ email, ...(next ? { next } : {}) })}`;
