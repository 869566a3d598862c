/**
 * Brute-force protection of POST /api/v1/session, on a server of its own with
 * a low limit (LOGIN_LIMIT_PER_ACCOUNT=3 failures per account and address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({ demo: true, env: { LOGIN_LIMIT_PER_ACCOUNT: '3' } });
});
afterAll(async () => {
	await server?.stop();
});

const attempt = (email: string, password: string) =>
	new ApiClient(server.url).json('POST', '/api/v1/session', { email, password });

describe('login rate limit', () => {
	it('answers 429 after 3 failures, even for the right password, and only for that account', async () => {
		for (let i = 0; i < 3; i++) {
			const res = await attempt('cm@itmastaren.example', `wrong-${i}`);
			expect(res.status, `attempt ${i + 1}`).toBe(401);
		}
		const blocked = await attempt('cm@itmastaren.example', 'wrong-again');
		expect(blocked.status).toBe(429);
		expect(blocked.body.error.code).toBe('rate_limited');
		expect(blocked.body.error.message).toMatch(/minute/);

		// the right password does not get through while blocked
		const right = await attempt('cm@itmastaren.example', 'demo1234');
		expect(right.status).toBe(429);

		// the same address may still sign in to another account
		expect((await attempt('im@itmastaren.example', 'demo1234')).status).toBe(200);
	});

	it('a successful sign-in resets the count', async () => {
		for (let i = 0; i < 2; i++) expect((await attempt('tam@itmastaren.example', 'nope')).status).toBe(401);
		expect((await attempt('tam@itmastaren.example', 'demo1234')).status).toBe(200);
		for (let i = 0; i < 2; i++) expect((await attempt('tam@itmastaren.example', 'nope')).status).toBe(401);
		expect((await attempt('tam@itmastaren.example', 'demo1234')).status).toBe(200);
	});

	it('counts the e-mail address case-insensitively', async () => {
		for (const email of ['Avtal@Vattensyd.example', 'AVTAL@VATTENSYD.EXAMPLE', 'avtal@vattensyd.example']) {
			expect((await attempt(email, 'nope')).status).toBe(401);
		}
		expect((await attempt('avtal@vattensyd.example', 'demo1234')).status).toBe(429);
	});
});
