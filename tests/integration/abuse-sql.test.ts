/**
 * SQL-injection strings in every API parameter, driven by the OpenAPI document
 * (like api-tenancy) so no route is forgotten: each path parameter, each query
 * parameter, every string field of each JSON body, and the raw import body in
 * turn carry classic injection strings, as the supplier admin (who may reach
 * every route). Every answer must be a normal one (2xx or a 4xx with the one
 * error shape, never a 500), the schema and the existing data must be intact
 * afterwards, and text that was accepted must be stored literally.
 */
import { schemaObjects } from '../helpers/test-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '$lib/server/http/openapi';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { realIds, walkOperations, walkUrl, type BodySchemas, type WalkOperation } from '../helpers/openapi-walk';
import { startServer, type TestServer } from '../helpers/server';

const INJECTIONS = [
	"' OR '1'='1",
	"1; DROP TABLE people; --",
	'" OR 1=1 --',
	"x' UNION SELECT name, sql FROM sqlite_master --",
	"%' OR 1=1 --",
	"'); DELETE FROM sessions; --",
	"00000000-0000-4000-8000-000000000000' OR 'x'='x"
];

let server: TestServer;
let admin: ApiClient;
let ids: DemoIds;
let operations: WalkOperation[] = [];
let schemas: BodySchemas = {};

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	({ operations, schemas } = await walkOperations(admin));
	// Signing out would end the walker's own session; it is covered by api-session.
	operations = operations.filter((o) => !(o.path === '/api/v1/session' && o.method === 'DELETE'));
});
afterAll(async () => {
	await server?.stop();
});

/** Real ids, so that an injection in one place meets real values everywhere else. */
const url = (op: WalkOperation, inject?: { name: string; value: string }) => walkUrl(op, realIds(ids), inject);

/** The string fields of a body schema (a property whose type is or may be a string). */
function stringFields(ref: string): string[] {
	const props = schemas[ref]?.properties ?? {};
	const mayBeString = (s: any): boolean =>
		s?.type === 'string' || (Array.isArray(s?.type) && s.type.includes('string')) || (s?.anyOf ?? s?.oneOf ?? []).some(mayBeString);
	return Object.entries(props)
		.filter(([, s]) => mayBeString(s))
		.map(([k]) => k);
}

const problems: string[] = [];
const accepted: { op: string; value: string }[] = [];

async function expectNormal(what: string, res: Response, value: string) {
	const text = await res.text();
	if (res.status >= 500) return void problems.push(`${what}: ${res.status} ${text.slice(0, 200)}`);
	if (res.status >= 400) {
		let body: unknown = null;
		try {
			body = JSON.parse(text);
		} catch {
			/* reported below */
		}
		if (!ErrorBody.safeParse(body).success) problems.push(`${what}: ${res.status} without the error shape: ${text.slice(0, 200)}`);
	} else if (res.status < 300) {
		accepted.push({ op: what, value });
	}
	// The database never speaks through an answer.
	// (Text that was accepted comes back as it was sent: leave that out.)
	const own = JSON.stringify(value).slice(1, -1);
	if (/sqlite|syntax error|SQLITE_/i.test(text.split(own).join(''))) problems.push(`${what}: leaks a database message: ${text.slice(0, 200)}`);
}

describe('SQL injection', () => {
	it('every path, query and body parameter answers normally and changes nothing it should not', async () => {
		const schemaBefore = await schemaObjects(server.databaseUrl);
		const customersBefore = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
		const peopleBefore = (await admin.json('GET', `/api/v1/customers/${ids.customers[NORRBY].id}/people`)).body.people.length;
		expect(operations.length).toBeGreaterThan(30);

		let calls = 0;
		for (const op of operations) {
			const names = op.parameters.map((p) => p.name);
			for (const value of INJECTIONS) {
				for (const name of names) {
					const u = url(op, { name, value });
					const body = op.bodyRef ? {} : op.raw ? '' : undefined;
					await expectNormal(`${op.method} ${op.path} [${name}]`, await admin.request(op.method, u, body, op.raw ? { 'content-type': 'text/csv' } : {}), value);
					calls++;
				}
				if (op.bodyRef) {
					const fields = stringFields(op.bodyRef);
					const body = Object.fromEntries(fields.map((f) => [f, value]));
					await expectNormal(`${op.method} ${op.path} {${fields.join(',')}}`, await admin.request(op.method, url(op), body), value);
					calls++;
				}
				if (op.raw) {
					const csv = `Number,Short description,Priority,State,Opened\n${value},${value},${value},${value},${value}\n`;
					await expectNormal(`${op.method} ${op.path} (file)`, await admin.request(op.method, url(op), csv, { 'content-type': 'text/csv' }), value);
					calls++;
				}
			}
		}
		expect(calls).toBeGreaterThan(200);
		expect(problems).toEqual([]);

		// Nothing dropped or deleted; the walker's session survived "DELETE FROM sessions".
		expect(await schemaObjects(server.databaseUrl)).toEqual(schemaBefore);
		expect((await admin.json('GET', '/api/v1/me')).status).toBe(200);
		const customersAfter = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
		for (const c of customersBefore) expect(customersAfter.map((x) => x.id)).toContain(c.id);
		// Customers created with an injection string as their name hold exactly that string.
		for (const c of customersAfter.filter((x) => !customersBefore.some((b) => b.id === x.id))) expect(INJECTIONS).toContain(c.name);
		const peopleAfter = (await admin.json('GET', `/api/v1/customers/${ids.customers[NORRBY].id}/people`)).body.people.length;
		expect(peopleAfter).toBeGreaterThanOrEqual(peopleBefore);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	}, 120_000);
});
