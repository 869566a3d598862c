/**
 * Sign-in abuse, beyond api-session and api-login-limit: session fixation,
 * cookie flags behind a TLS-terminating proxy, the per-address limit across
 * accounts (which a forged X-Forwarded-For must not escape), and the same
 * limit on the sign-in form. One server with low limits; the tests that sign
 * in successfully run first, the ones that spend the address's budget last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({ demo: true, env: { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '6' } });
});
afterAll(async () => {
	await server?.stop();
});

const COOKIE = 'samverkan_session';
const tokenIn = (setCookies: string[]) => {
	const c = setCookies.find((x) => x.startsWith(`${COOKIE}=`));
	return c ? c.slice(COOKIE.length + 1).split(';')[0] : null;
};

async function apiLogin(email: string, password = 'demo1234', headers: Record<string, string> = {}) {
	return fetch(`${server.url}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ email, password })
	});
}

/** The sign-in form, as a browser posts it (SvelteKit checks the Origin of form posts). */
async function formLogin(email: string, password: string, headers: Record<string, string> = {}) {
	const proto = headers['x-forwarded-proto'] ?? 'http';
	return fetch(`${server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: `${proto}://127.0.0.1:${server.port}`, ...headers },
		body: new URLSearchParams({ email, password })
	});
}

async function whoIs(token: string): Promise<string | null> {
	const res = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: `${COOKIE}=${token}` } });
	return res.status === 200 ? ((await res.json()) as { person: { email: string } }).person.email : null;
}

describe('session fixation', () => {
	it('a planted token is never adopted: signing in always issues a fresh one', async () => {
		const planted = 'attacker-chosen-token-0123456789abcdefghijklmnop';
		const res = await apiLogin('avtal@norrby.example', 'demo1234', { cookie: `${COOKIE}=${planted}` });
		expect(res.status).toBe(200);
		const token = tokenIn(res.headers.getSetCookie());
		expect(token).not.toBeNull();
		expect(token).not.toBe(planted);
		expect(await whoIs(planted)).toBeNull();
		expect(await whoIs(token!)).toBe('avtal@norrby.example');
	});

	it("an attacker's own valid session planted in the victim's browser does not become the victim's", async () => {
		const attacker = await new ApiClient(server.url).login('avtal@vattensyd.example');
		const planted = attacker.sessionCookie.split('=')[1];
		for (const signIn of [
			() => apiLogin('it@norrby.example', 'demo1234', { cookie: `${COOKIE}=${planted}` }),
			() => formLogin('it@norrby.example', 'demo1234', { cookie: `${COOKIE}=${planted}` })
		]) {
			const res = await signIn();
			expect([200, 303]).toContain(res.status);
			const token = tokenIn(res.headers.getSetCookie());
			expect(token).not.toBeNull();
			expect(token).not.toBe(planted);
			expect(await whoIs(token!)).toBe('it@norrby.example');
			// the planted token still names the attacker, never the victim
			expect(await whoIs(planted)).toBe('avtal@vattensyd.example');
		}
	});
});

describe('cookie flags', () => {
	const flagsOf = (cookie: string) => ({
		httpOnly: /;\s*HttpOnly/i.test(cookie),
		sameSite: /;\s*SameSite=(Lax|Strict)/i.test(cookie),
		secure: /;\s*Secure/i.test(cookie)
	});

	it('are HttpOnly, SameSite and Secure behind TLS (X-Forwarded-Proto: https), on every path that sets them', async () => {
		const tls = { 'x-forwarded-proto': 'https' };
		const api = await apiLogin('bam@itmastaren.example', 'demo1234', tls);
		expect(api.status).toBe(200);
		const apiCookie = api.headers.getSetCookie().find((c) => c.startsWith(COOKIE))!;
		expect(flagsOf(apiCookie)).toEqual({ httpOnly: true, sameSite: true, secure: true });
		const token = tokenIn([apiCookie])!;

		const form = await formLogin('bam@itmastaren.example', 'demo1234', tls);
		expect(form.status).toBe(303);
		expect(flagsOf(form.headers.getSetCookie().find((c) => c.startsWith(COOKIE))!)).toEqual({ httpOnly: true, sameSite: true, secure: true });

		// the sliding refresh on an ordinary request
		const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: `${COOKIE}=${token}`, ...tls } });
		expect(me.status).toBe(200);
		for (const c of me.headers.getSetCookie().filter((x) => x.startsWith(COOKIE))) expect(flagsOf(c)).toEqual({ httpOnly: true, sameSite: true, secure: true });

		// clearing it on sign-out
		const out = await fetch(`${server.url}/api/v1/session`, { method: 'DELETE', headers: { cookie: `${COOKIE}=${token}`, ...tls } });
		expect(out.status).toBe(204);
		const cleared = out.headers.getSetCookie().find((c) => c.startsWith(COOKIE))!;
		expect(flagsOf(cleared)).toEqual({ httpOnly: true, sameSite: true, secure: true });
		expect(await whoIs(token)).toBeNull();
	});

	it('the session token is long and random', async () => {
		const tokens = new Set<string>();
		for (let i = 0; i < 3; i++) tokens.add(tokenIn((await apiLogin('im@itmastaren.example')).headers.getSetCookie())!);
		expect(tokens.size).toBe(3);
		for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43,}$/);
	});
});

describe('brute force', () => {
	it('the sign-in form is limited like the API (3 failures per account and address)', async () => {
		for (let i = 0; i < 3; i++) expect((await formLogin('cm@itmastaren.example', `wrong-${i}`)).status, `attempt ${i + 1}`).toBe(400);
		const blocked = await formLogin('cm@itmastaren.example', 'demo1234');
		expect(blocked.status).toBe(429);
		expect(blocked.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=`) && !/max-age=0/i.test(c))).toBe(false);
		expect((await apiLogin('cm@itmastaren.example')).status).toBe(429);
	});

	it('counts failures per address across accounts, and a forged X-Forwarded-For does not reset the count', async () => {
		// 3 failures so far from this address (the form test above); 3 more, each
		// with another account and another forged client address, use up its 6.
		for (let i = 0; i < 3; i++) {
			const res = await apiLogin(`nobody-${i}@example.test`, 'guess', { 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `203.0.113.${i + 1}` });
			expect(res.status, `failure ${i + 1}`).toBe(401);
		}
		// Now every account is closed to this address, even with the right password.
		const res = await apiLogin('admin@itmastaren.example', 'demo1234', { 'x-forwarded-for': '198.51.100.7' });
		expect(res.status).toBe(429);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
		expect((await formLogin('avtal@norrby.example', 'demo1234')).status).toBe(429);
	});
});
