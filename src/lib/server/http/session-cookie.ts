import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../domain/tenancy/sessions';

/** HttpOnly, SameSite=Lax; Secure whenever the site is served over https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export const readSessionCookie = (cookies: Cookies) => cookies.get(SESSION_COOKIE);

/** The step between a correct password and the second factor: a short-lived challenge, not a session. */
export const CHALLENGE_COOKIE = 'samverkan_2fa';

export function setChallengeCookie(cookies: Cookies, url: URL, challenge: string, expiresAt: Date) {
	cookies.set(CHALLENGE_COOKIE, challenge, { path: '/login', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires: expiresAt });
}

export function clearChallengeCookie(cookies: Cookies, url: URL) {
	cookies.delete(CHALLENGE_COOKIE, { path: '/login', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export const readChallengeCookie = (cookies: Cookies) => cookies.get(CHALLENGE_COOKIE);
