/**
 * Bad request bodies at every operation of the OpenAPI document that takes
 * one (issue 15, finding 7): oversized (over the 1 MiB JSON limit, with and
 * without a Content-Length, so the limit must hold while reading), nested
 * 10,000 deep, truncated, not UTF-8, of the wrong content type and wrongly
 * typed; the file upload over its 64 MiB limit, and query flags other than
 * `true`/`false`. Every answer is a 4xx with the one JSON error shape, never
 * a 500, and the database is the same afterwards, table by table.
 *
 * Operations without a request body are not sent bodies here: they do not
 * read one (api-tenancy and abuse-sql walk them).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '$lib/server/http/openapi';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { realIds, walkOperations, walkUrl, type BodySchemas, type WalkOperation } from '../helpers/openapi-walk';
import { startServer, type TestServer } from '../helpers/server';
import { tableDigests } from '../helpers/test-db';

const JSON_LIMIT = 1024 * 1024;
const UPLOAD_LIMIT = 64 * 1024 * 1024;
const DEEP = 10_000;

let server: TestServer;
let admin: ApiClient;
let ids: DemoIds;
let operations: WalkOperation[] = [];
let schemas: BodySchemas = {};
/** a knowledge-base article of Norrby's own */
let article: string;

/** Reading alone moves these on (the walker's session is kept alive). */
const VOLATILE = { sessions: ['expires_at', 'last_seen_at'], api_tokens: ['last_used_at'] };
const digest = () => tableDigests(server.databaseUrl, VOLATILE);

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	({ operations, schemas } = await walkOperations(admin));
	const { body } = await admin.json('GET', `/api/v1/customers/${ids.customers[NORRBY].id}/articles`);
	article = body.articles.find((a: { shared: boolean }) => !a.shared).id;
});
afterAll(async () => {
	await server?.stop();
});

interface Sent {
	status: number;
	text: string;
}

/** Sends `body` as the supplier admin (who may reach every route); a stream goes without Content-Length. */
async function send(op: WalkOperation, body: BodyInit, opts: { type?: string; query?: string; origin?: boolean } = {}): Promise<Sent> {
	const path = walkUrl(op, { ...realIds(ids), 'articles/{articleId}': article });
	const url = path + (opts.query ? `${path.includes('?') ? '&' : '?'}${opts.query}` : '');
	const init = {
		method: op.method,
		headers: { cookie: admin.sessionCookie, 'content-type': opts.type ?? 'application/json', ...(opts.origin ? { origin: server.url } : {}) },
		body,
		duplex: 'half'
	} as RequestInit;
	const res = await fetch(server.url + url, init);
	return { status: res.status, text: await res.text() };
}

/** `bytes` as a stream of 64 KiB chunks: no Content-Length, the server can only count. */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
	let at = 0;
	return new ReadableStream({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(bytes.subarray(at, at + 65536));
			at += 65536;
		}
	});
}

const problems: string[] = [];
beforeEach(() => {
	problems.length = 0;
});

/** A 4xx (exactly `status` when given) with the one error shape; anything else is a problem. */
function expectRefused(what: string, sent: Sent, status?: number, code?: string) {
	let body: unknown = null;
	try {
		body = JSON.parse(sent.text);
	} catch {
		/* reported below */
	}
	const parsed = ErrorBody.safeParse(body);
	if (sent.status < 400 || sent.status >= 500 || (status !== undefined && sent.status !== status))
		problems.push(`${what}: ${sent.status}${status ? ` instead of ${status}` : ''} ${sent.text.slice(0, 160)}`);
	else if (!parsed.success) problems.push(`${what}: ${sent.status} without the error shape: ${sent.text.slice(0, 160)}`);
	else if (code && parsed.data.error.code !== code) problems.push(`${what}: code ${parsed.data.error.code} instead of ${code}`);
}

/** A value of another type than the schema's (a string where a number goes, and so on). */
function wrongValue(schema: Record<string, any> | undefined): unknown {
	const types = new Set<string>([schema?.type, ...(schema?.anyOf ?? schema?.oneOf ?? []).map((s: Record<string, unknown>) => s.type)].flat().filter(Boolean));
	if (types.has('string')) return types.has('number') || types.has('integer') ? { not: 'this' } : 12345;
	if (types.has('number') || types.has('integer') || types.has('boolean')) return 'not this';
	if (types.has('array')) return { not: 'a list' };
	if (types.has('object')) return ['not', 'an', 'object'];
	// z.unknown(): anything goes, so a value no field of ours takes at all
	return [[['deep', { list: [] }]]];
}

const nested = '['.repeat(DEEP) + ']'.repeat(DEEP);

describe('bad request bodies', () => {
	it('every JSON body operation answers a 4xx JSON error to oversized, deep, truncated and wrongly typed bodies, and changes nothing', async () => {
		const before = await digest();
		const bodyOps = operations.filter((o) => o.bodyRef);
		expect(bodyOps.length).toBeGreaterThan(25);
		const oversized = new TextEncoder().encode(`{"name":"${'a'.repeat(JSON_LIMIT)}"}`);

		let fieldErrors = 0;
		for (const op of bodyOps) {
			const name = `${op.method} ${op.path}`;
			const schema = schemas[op.bodyRef!];
			const props = Object.keys(schema?.properties ?? {});
			const first = props[0] ?? 'x';

			expectRefused(`${name} oversized`, await send(op, oversized), 413, 'too_large');
			expectRefused(`${name} oversized, no Content-Length`, await send(op, chunked(oversized)), 413, 'too_large');
			expectRefused(`${name} nested ${DEEP} deep`, await send(op, nested), 400, 'invalid');
			expectRefused(`${name} nested ${DEEP} deep in a field`, await send(op, `{"${first}":${nested}}`), 400, 'invalid');
			// (an empty body is no body: what an operation without required fields takes, e.g. start without confirmEarly)
			const required = schema?.required ?? [];
			for (const cut of [...(required.length > 0 ? [''] : []), '{', `{"${first}":`, `{"${first}":"abc`, '[1,2', '{"a":1}}'])
				expectRefused(`${name} truncated ${JSON.stringify(cut)}`, await send(op, cut), 400, 'invalid');
			expectRefused(`${name} not UTF-8`, await send(op, new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), 400, 'invalid');
			// text/plain is a form type: SvelteKit's CSRF check wants a same-origin Origin first, as a browser sends it
			expectRefused(`${name} as text/plain`, await send(op, '{}', { type: 'text/plain', origin: true }), 400, 'invalid');
			expectRefused(`${name} as application/xml`, await send(op, '<x/>', { type: 'application/xml' }), 400, 'invalid');
			// well-formed JSON of the wrong type reaches the operation, which may refuse the walker first (403)
			for (const whole of ['[]', '"text"', '42', 'null', 'true']) expectRefused(`${name} body ${whole}`, await send(op, whole));
			if (props.length > 0) {
				const wrong = Object.fromEntries(props.map((p) => [p, wrongValue(schema.properties![p])]));
				const sent = await send(op, JSON.stringify(wrong));
				// e.g. an addendum without the minute-taker duty is refused as forbidden before its fields are looked at
				expectRefused(`${name} wrongly typed ${JSON.stringify(wrong)}`, sent);
				if (sent.status === 400 && !JSON.parse(sent.text).error.fields) problems.push(`${name} wrongly typed: no field errors: ${sent.text.slice(0, 160)}`);
				if (sent.status === 400) fieldErrors++;
			}
		}
		expect(problems).toEqual([]);
		expect(fieldErrors).toBeGreaterThan(bodyOps.filter((o) => Object.keys(schemas[o.bodyRef!]?.properties ?? {}).length > 0).length * 0.9);
		expect(await digest()).toEqual(before);
		expect((await admin.json('GET', '/api/v1/me')).status).toBe(200);
	}, 240_000);

	/** a header the upload reads (so that it goes on reading), where it is not the ticket import's */
	const UPLOAD_HEADERS: Record<string, string> = { importInvoiceCsv: 'Kund;Period;Tjänst;Antal;À-pris;Belopp;Fakturanummer' };

	it('the file upload refuses a file over 64 MiB while reading, and flags other than true/false', async () => {
		const before = await digest();
		const uploads = operations.filter((o) => o.raw);
		expect(uploads.map((o) => o.operationId)).toContain('importTickets');
		const huge = new Uint8Array(UPLOAD_LIMIT + 1).fill(0x61);
		const csv = 'number,incident_state,priority,opened_at,resolved_at\nINC9900001,Closed,3 - Moderate,2/11/2026 10:00,2/11/2026 12:00\n';
		for (const op of uploads) {
			const name = `${op.method} ${op.path}`;
			const query = 'preset=servicenow-display';
			expectRefused(`${name} over 64 MiB`, await send(op, huge, { type: 'text/csv', query }), 413, 'too_large');
			// without a Content-Length the raw byte count must stop it: a header and then only blank
			// lines, so that no limit of the CSV reader (row length, rows) refuses it first
			const blank = new Uint8Array(UPLOAD_LIMIT + 1).fill(0x0a);
			blank.set(new TextEncoder().encode(UPLOAD_HEADERS[op.operationId] ?? csv.split('\n')[0]));
			expectRefused(`${name} over 64 MiB, no Content-Length`, await send(op, chunked(blank), { type: 'text/csv', query }), 413, 'too_large');
			// dryRun=1 used to import for real: anything but "true" was read as false
			for (const flag of ['1', 'yes', 'TRUE', '', 'true&dryRun=false'])
				expectRefused(`${name} dryRun=${flag}`, await send(op, csv, { type: 'text/csv', query: `${query}&dryRun=${flag}` }), 400, 'invalid');
		}
		expect(problems).toEqual([]);
		expect(await digest()).toEqual(before);
		// the documented values still work: a dry run checks and stores nothing
		const op = uploads.find((o) => o.operationId === 'importTickets')!;
		const dry = await send(op, csv, { type: 'text/csv', query: 'preset=servicenow-display&dryRun=true' });
		expect(dry.status).toBe(200);
		expect(JSON.parse(dry.text).report.status).toBe('checked');
		expect(await digest()).toEqual(before);
	}, 240_000);

	it('a form post over the limit answers 413, not 500, and signs nobody in', async () => {
		const norrby = ids.customers[NORRBY].id;
		const big = `_form=create&name=${'a'.repeat(3 * 1024 * 1024)}`;
		for (const [path, headers] of [
			['/login', {}],
			[`/customers/${norrby}/settings/tokens?/create`, { cookie: admin.sessionCookie }]
		] as const) {
			const res = await fetch(server.url + path, {
				method: 'POST',
				headers: { ...headers, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
				body: big,
				redirect: 'manual'
			});
			expect(res.status, path).toBe(413);
		}
		const login = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: `email=admin%40itmastaren.example&password=demo1234&pad=${'a'.repeat(3 * 1024 * 1024)}`,
			redirect: 'manual'
		});
		expect(login.status).toBe(413);
		expect(login.headers.get('set-cookie') ?? '').not.toContain('samverkan_session=');
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});
