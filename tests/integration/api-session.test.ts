/**
 * Sign-in and sign-out over the JSON API, and the API's error contract
 * (malformed JSON, unknown paths and methods, no session) against the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({ demo: true });
});
afterAll(async () => {
	await server?.stop();
});

const client = () => new ApiClient(server.url);

/** Asserts the one error shape of /api/v1 and returns it. */
async function expectError(res: Response, status: number, code: string) {
	expect(res.headers.get('content-type')).toContain('application/json');
	const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
	expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
	expect(typeof body.error.message).toBe('string');
	expect(body.error.message.length).toBeGreaterThan(0);
	return body.error;
}

describe('POST /api/v1/session', () => {
	it('signs in: 200, the person, and an HttpOnly SameSite=Lax session cookie', async () => {
		const c = client();
		const res = await c.post('/api/v1/session', { email: 'avtal@norrby.example', password: 'demo1234' });
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.person).toMatchObject({ email: 'avtal@norrby.example', name: 'Eva Norberg', access: 'customer_admin' });
		expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
		const cookies = res.headers.getSetCookie();
		expect(cookies).toHaveLength(1);
		const cookie = cookies[0];
		expect(cookie).toMatch(/^samverkan_session=[\w-]{40,};/);
		expect(cookie).toMatch(/;\s*HttpOnly/i);
		expect(cookie).toMatch(/;\s*SameSite=Lax/i);
		expect(cookie).toMatch(/;\s*Path=\//i);
		// served over plain http in the test: Secure would make the browser drop it
		expect(cookie).not.toMatch(/;\s*Secure/i);

		const me = await c.json('GET', '/api/v1/me');
		expect(me.status).toBe(200);
		expect(me.body.person).toMatchObject({ email: 'avtal@norrby.example', access: 'customer_admin' });
		expect(me.body.person.customerId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('accepts the e-mail address in any case and with spaces around it', async () => {
		const res = await client().post('/api/v1/session', { email: '  IT@Norrby.Example ', password: 'demo1234' });
		expect(res.status).toBe(200);
		expect((await res.json()).person.email).toBe('it@norrby.example');
	});

	it('answers 401 for a wrong password and for an unknown account, with the same message and no cookie', async () => {
		const wrong = await client().post('/api/v1/session', { email: 'bam@itmastaren.example', password: 'demo12345' });
		expect(wrong.headers.getSetCookie()).toEqual([]);
		const a = await expectError(wrong, 401, 'unauthenticated');
		const unknown = await client().post('/api/v1/session', { email: 'nobody@itmastaren.example', password: 'demo1234' });
		const b = await expectError(unknown, 401, 'unauthenticated');
		expect(b.message).toBe(a.message);
	});

	it('answers 400 for malformed JSON', async () => {
		const res = await client().request('POST', '/api/v1/session', '{"email": "avtal@norrby.example", ');
		const err = await expectError(res, 400, 'invalid');
		expect(err.message).toMatch(/JSON/);
	});

	it('answers 400 without a JSON content type', async () => {
		const res = await client().request('POST', '/api/v1/session', 'email=a&password=b', {
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url
		});
		await expectError(res, 400, 'invalid');
	});

	it('answers 400 with the fields for missing or wrong-typed fields', async () => {
		const missing = await expectError(await client().post('/api/v1/session', { email: '' }), 400, 'invalid');
		expect(Object.keys(missing.fields ?? {}).sort()).toEqual(['email', 'password']);
		const wrongType = await expectError(await client().post('/api/v1/session', { email: 42, password: ['x'] }), 400, 'invalid');
		expect(Object.keys(wrongType.fields ?? {}).sort()).toEqual(['email', 'password']);
		const notAnObject = await expectError(await client().post('/api/v1/session', [1, 2]), 400, 'invalid');
		expect(notAnObject.fields).toHaveProperty('_');
	});
});

describe('DELETE /api/v1/session', () => {
	it('signs out: 204, clears the cookie, and the old token no longer works', async () => {
		const c = await client().login('bam@itmastaren.example');
		const token = c.sessionCookie;
		expect(token).toMatch(/^samverkan_session=/);
		expect((await c.get('/api/v1/me')).status).toBe(200);

		const res = await c.delete('/api/v1/session');
		expect(res.status).toBe(204);
		const cleared = res.headers.getSetCookie().find((s) => s.startsWith('samverkan_session='));
		expect(cleared).toMatch(/samverkan_session=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		expect(c.sessionCookie).toBe('');
		await expectError(await c.get('/api/v1/me'), 401, 'unauthenticated');

		// replaying the old cookie: the session is gone on the server too
		const replay = await client().request('GET', '/api/v1/me', undefined, { cookie: token });
		await expectError(replay, 401, 'unauthenticated');
	});

	it('answers 401 without a session', async () => {
		await expectError(await client().delete('/api/v1/session'), 401, 'unauthenticated');
	});

	it('ends only this session: another sign-in of the same person stays valid', async () => {
		const a = await client().login('im@itmastaren.example');
		const b = await client().login('im@itmastaren.example');
		expect((await a.delete('/api/v1/session')).status).toBe(204);
		expect((await a.get('/api/v1/me')).status).toBe(401);
		expect((await b.get('/api/v1/me')).status).toBe(200);
	});
});

describe('without a session', () => {
	it.each([
		['GET', '/api/v1/me'],
		['GET', '/api/v1/customers'],
		['POST', '/api/v1/customers'],
		['GET', '/api/v1/roles'],
		['GET', '/api/v1/audit']
	])('%s %s answers 401', async (method, path) => {
		await expectError(await client().request(method, path, method === 'GET' ? undefined : {}), 401, 'unauthenticated');
	});

	it('a forged cookie is no session', async () => {
		const res = await client().request('GET', '/api/v1/me', undefined, { cookie: 'samverkan_session=forged-token-value' });
		await expectError(res, 401, 'unauthenticated');
	});

	it('serves the OpenAPI document publicly', async () => {
		const { status, body } = await client().json('GET', '/api/v1/openapi.json');
		expect(status).toBe(200);
		expect(body.openapi).toBe('3.1.0');
		expect(Object.keys(body.paths)).toContain('/api/v1/session');
	});
});

describe('unknown API paths and methods', () => {
	it.each([
		['GET', '/api/v1/nothing-here'],
		['POST', '/api/v1/nothing-here'],
		['DELETE', '/api/v1/customers/x/y/z'],
		['PATCH', '/api/v1'],
		['GET', '/api/v1/forums']
	])('%s %s answers a JSON 404', async (method, path) => {
		const c = await client().login('admin@itmastaren.example');
		await expectError(await c.request(method, path, method === 'GET' ? undefined : {}), 404, 'not_found');
	});

	it('a method a route does not serve answers a JSON 405 with Allow', async () => {
		const c = await client().login('admin@itmastaren.example');
		const res = await c.request('PUT', '/api/v1/customers', {});
		expect(res.headers.get('allow')).toMatch(/GET/);
		expect(res.headers.get('allow')).toMatch(/POST/);
		await expectError(res, 405, 'method_not_allowed');
	});
});
