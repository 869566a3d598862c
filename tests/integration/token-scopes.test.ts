/**
 * API token scopes for the knowledge base and governance health (issue 15,
 * finding 6): a token scoped to tickets:read used to list and search the
 * knowledge base and read governance health, because those asked only for
 * customer.read. Now kb:read and governance:read open them, and nothing else
 * does; each scope stays inside its own customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '$lib/server/http/openapi';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let admin: ApiClient;
let norrby: string;
let vattensyd: string;
/** an article of Norrby's own for every user */
let article: string;
const secrets: Record<string, string> = {};

beforeAll(async () => {
	server = await startServer({ demo: true });
	const ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vattensyd = ids.customers[VATTENSYD].id;
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	for (const scope of ['tickets:read', 'kb:read', 'governance:read']) {
		const created = await admin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: scope, scopes: [scope] });
		expect(created.status).toBe(201);
		expect(created.body.token.scopes).toEqual([scope]);
		secrets[scope] = created.body.secret;
	}
	const { body } = await admin.json('GET', `/api/v1/customers/${norrby}/articles`);
	article = body.articles.find((a: { shared: boolean; audience: string }) => !a.shared && a.audience === 'users').id;
});
afterAll(async () => {
	await server?.stop();
});

async function call(scope: string, method: string, path: string, body?: unknown) {
	const res = await fetch(server.url + path, {
		method,
		headers: { authorization: `Bearer ${secrets[scope]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
		body: body !== undefined ? JSON.stringify(body) : undefined
	});
	const json = await res.json();
	if (res.status >= 400) expect(ErrorBody.safeParse(json).success, `${path}: ${JSON.stringify(json)}`).toBe(true);
	return { status: res.status, body: json };
}

const kbPaths = (customer: string) => [
	`/api/v1/customers/${customer}/articles`,
	`/api/v1/customers/${customer}/search?q=l%C3%B6senord`,
	`/api/v1/customers/${customer}/articles?kind=guide`
];
const healthPath = (customer: string) => `/api/v1/customers/${customer}/governance-health`;

describe('API token scopes', () => {
	it('tickets:read gets 403 on the knowledge base and governance health, and still reads tickets', async () => {
		for (const p of [...kbPaths(norrby), `/api/v1/customers/${norrby}/articles/${article}`, healthPath(norrby)]) {
			expect((await call('tickets:read', 'GET', p)).status, p).toBe(403);
		}
		expect((await call('tickets:read', 'GET', `/api/v1/customers/${norrby}/tickets`)).status).toBe(200);
	});

	it('kb:read lists, searches and reads the articles for every user of its customer, and nothing more', async () => {
		for (const p of kbPaths(norrby)) expect((await call('kb:read', 'GET', p)).status, p).toBe(200);
		const { body } = await call('kb:read', 'GET', `/api/v1/customers/${norrby}/articles`);
		expect(body.articles.length).toBeGreaterThan(0);
		// what every user of the customer reads: no admins-only or internal articles
		expect(new Set(body.articles.map((a: { audience: string }) => a.audience))).toEqual(new Set(['users']));
		const hits = await call('kb:read', 'GET', `/api/v1/customers/${norrby}/search?q=l%C3%B6senord`);
		expect(hits.body.results.length).toBeGreaterThan(0);
		expect((await call('kb:read', 'GET', `/api/v1/customers/${norrby}/articles/${article}`)).status).toBe(200);
		// not governance health, not the customer and its people, not tickets
		expect((await call('kb:read', 'GET', healthPath(norrby))).status).toBe(403);
		expect((await call('kb:read', 'GET', `/api/v1/customers/${norrby}`)).status).toBe(403);
		expect((await call('kb:read', 'GET', `/api/v1/customers/${norrby}/tickets`)).status).toBe(403);
		// "was this helpful?" is a person's answer, and writing needs more than reading
		expect((await call('kb:read', 'POST', `/api/v1/customers/${norrby}/articles/${article}/feedback`, { helpful: true })).status).toBe(403);
		expect(
			(await call('kb:read', 'POST', `/api/v1/customers/${norrby}/articles`, { title: 'Nyckel', category: 'Test', markup: 'Text' })).status
		).toBe(403);
		// another customer's knowledge base is not found, as if it did not exist
		for (const p of kbPaths(vattensyd)) expect((await call('kb:read', 'GET', p)).status, p).toBe(404);
	});

	it('governance:read reads governance health of its customer only', async () => {
		const health = await call('governance:read', 'GET', healthPath(norrby));
		expect(health.status).toBe(200);
		expect(health.body.health.customerId).toBe(norrby);
		expect((await call('governance:read', 'GET', healthPath(vattensyd))).status).toBe(404);
		for (const p of kbPaths(norrby)) expect((await call('governance:read', 'GET', p)).status, p).toBe(403);
		expect((await call('governance:read', 'GET', `/api/v1/customers/${norrby}`)).status).toBe(403);
	});

	it('people keep reading both as before', async () => {
		const member = await new ApiClient(server.url).login('it@norrby.example');
		for (const p of [...kbPaths(norrby), healthPath(norrby)]) expect((await member.json('GET', p)).status, p).toBe(200);
	});

	it('the token form offers the new scopes, and the API refuses unknown ones', async () => {
		const page = await (await admin.get(`/customers/${norrby}/settings/tokens`)).text();
		for (const scope of ['kb:read', 'governance:read']) expect(page).toContain(`scope.${scope}`);
		const bad = await admin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: 'Okänd', scopes: ['kb:write'] });
		expect(bad.status).toBe(400);
	});
});
