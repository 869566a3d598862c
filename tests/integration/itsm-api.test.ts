/**
 * ITSM over HTTP against the real server: CSV import with its report, bad input
 * that changes nothing, JSON ingest with per-customer API tokens, and the
 * tickets / SLA / KPI endpoints with tenant isolation.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MAPPINGS } from '../../src/lib/server/domain/itsm/import/presets';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, VATTENSYD } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let admin: ApiClient;
let norrby: string;
let vatten: string;

const DATA = resolve(import.meta.dirname, '../../../shared/data');

beforeAll(async () => {
	server = await startServer({ demo: true });
	const ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vatten = ids.customers[VATTENSYD].id;
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
});
afterAll(async () => {
	await server?.stop();
});

/** POST a file to the import endpoint as `client` (cookie) or with a bearer token. */
async function upload(customerId: string, body: Uint8Array | string, query: Record<string, string>, auth: { client?: ApiClient; token?: string }) {
	const headers: Record<string, string> = { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/octet-stream' };
	if (auth.client) headers.cookie = auth.client.sessionCookie;
	if (auth.token) headers.authorization = `Bearer ${auth.token}`;
	const res = await fetch(`${server.url}/api/v1/customers/${customerId}/tickets/import?${new URLSearchParams(query)}`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]) });
	return { status: res.status, body: await res.json() };
}

async function bearer(method: string, path: string, token: string, body?: unknown) {
	const res = await fetch(server.url + path, {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null };
}

const ticketTotal = async (customerId: string) => (await admin.json('GET', `/api/v1/customers/${customerId}/tickets?limit=1`)).body.total as number;

describe('demo tickets', () => {
	it('Norrby has the 890 UCI incidents and 14 changes; every endpoint answers its contract', async () => {
		const list = await admin.json('GET', `/api/v1/customers/${norrby}/tickets?limit=5`);
		expect(list.status).toBe(200);
		expect(list.body.total).toBe(904);
		expectContract('listTickets', list.body);
		const incidents = await admin.json('GET', `/api/v1/customers/${norrby}/tickets?kind=incident&limit=1`);
		expect(incidents.body.total).toBe(890);
		const sla = await admin.json('GET', `/api/v1/customers/${norrby}/sla`);
		expect(sla.status).toBe(200);
		expectContract('getSla', sla.body);
		// the UCI log carries made_sla: the source's flag is reported beside our figures
		expect(sla.body.sla.sourceFlag.total.met + sla.body.sla.sourceFlag.total.breached).toBeGreaterThan(0);
		const kpis = await admin.json('GET', `/api/v1/customers/${norrby}/kpis`);
		expect(kpis.status).toBe(200);
		expectContract('getKpis', kpis.body);
		expect(kpis.body.kpis.kpis.find((k: { kpi: string }) => k.kpi === 'change_success_rate').value).toBeGreaterThan(0);
	});

	it("a customer's admin reads their SLA, a member only once granted the SLA report; the other customer's people get 404", async () => {
		const slaPath = `/api/v1/customers/${norrby}/sla?from=2026-01-01&to=2027-01-01`;
		const customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		expect((await customerAdmin.json('GET', slaPath)).status).toBe(200);
		const member = await new ApiClient(server.url).login('it@norrby.example');
		expect((await member.json('GET', slaPath)).status).toBe(403);
		const grants = (await customerAdmin.json('GET', `/api/v1/customers/${norrby}/report-grants`)).body.grants.members as { personId: string; email: string }[];
		const memberId = grants.find((m) => m.email === 'it@norrby.example')!.personId;
		expect((await customerAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: memberId, reports: ['sla'] })).status).toBe(200);
		expect((await member.json('GET', slaPath)).status).toBe(200);
		expect((await customerAdmin.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: memberId, reports: [] })).status).toBe(200);
		const other = await new ApiClient(server.url).login('avtal@vattensyd.example');
		for (const path of ['tickets', 'sla', 'kpis']) {
			expect((await other.json('GET', `/api/v1/customers/${norrby}/${path}`)).status, path).toBe(404);
		}
	});
});

describe('CSV import', () => {
	it('imports the UCI sample (gzip too), and importing it again changes nothing', async () => {
		const csv = readFileSync(resolve(DATA, 'uci-incident-event-log-sample.csv'));
		const first = await upload(vatten, gzipSync(csv), { preset: 'servicenow-display', source: 'uci', fileName: 'sample.csv.gz' }, { client: admin });
		expect(first.status).toBe(200);
		expectContract('importTickets', first.body);
		expect(first.body.report).toMatchObject({ status: 'imported', rowsRead: 198, tickets: 32, created: 32, rejected: 0 });
		const again = await upload(vatten, csv.toString('utf8'), { preset: 'servicenow-display', source: 'uci' }, { client: admin });
		expect(again.body.report).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 32 });
	});

	it('bad input changes nothing and reports every bad row', async () => {
		const before = await ticketTotal(vatten);
		// unreadable: binary
		const binary = await upload(vatten, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2]), { preset: 'servicenow-display' }, { client: admin });
		expect(binary.body.report.status).toBe('rejected');
		expect(binary.body.report.errors[0]).toMatch(/not text/);
		// wrong preset: a Jira export read as ServiceNow
		const jira = 'Issue key,Summary,Status,Priority,Created\nSD-1,x,Open,High,12/Mar/24 3:45 PM\n';
		const wrong = await upload(vatten, jira, { preset: 'servicenow-display' }, { client: admin });
		expect(wrong.body.report.status).toBe('rejected');
		expect(wrong.body.report.errors.join(' ')).toMatch(/Missing column number/);
		// bad dates and unknown priorities: rows 3 and 5 (the header is row 1)
		const csv = [
			'number,incident_state,priority,opened_at,resolved_at',
			'INC9000001,New,2 - High,1/11/2026 10:00,?',
			'INC9000002,New,2 - High,31/02/2026 10:00,?',
			'INC9000003,Closed,3 - Moderate,2/11/2026 10:00,2/11/2026 12:00',
			'INC9000004,New,Urgent!,3/11/2026 10:00,yesterday'
		].join('\n');
		const bad = await upload(vatten, csv, { preset: 'servicenow-display' }, { client: admin });
		expect(bad.body.report).toMatchObject({ status: 'rejected', rowsRead: 4, rejected: 2, created: 0 });
		expect(bad.body.report.rejectedRows).toEqual([
			{ row: 3, reasons: ['openedAt: "31/02/2026 10:00" is not a date in the chosen format'] },
			{ row: 5, reasons: ['priority: unknown priority "Urgent!"', 'resolvedAt: "yesterday" is not a date in the chosen format'] }
		]);
		// a generic mapping naming a column the file lacks
		const unknown = await fetch(`${server.url}/api/v1/customers/${vatten}/import-mappings`, {
			method: 'POST',
			headers: { cookie: admin.sessionCookie, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'Fel', mapping: { columns: { number: 'number', openedAt: 'Öppnad' } } })
		});
		const mappingId = (await unknown.json()).mapping.id;
		const unknownCols = await upload(vatten, csv, { preset: 'generic', mappingId }, { client: admin });
		expect(unknownCols.body.report.errors).toEqual(['Unknown column "Öppnad" (mapped to openedAt): the file has no such column']);
		// a bad time zone is a 400 before anything is read
		expect((await upload(vatten, csv, { preset: 'servicenow-display', timeZone: 'Mars/Olympus' }, { client: admin })).status).toBe(400);
		expect(await ticketTotal(vatten)).toBe(before);
	});

	it('reads a Jira Service Management export with repeated column names', async () => {
		const csv = [
			'Issue key,Issue id,Issue Type,Summary,Status,Priority,Created,Resolved,Labels,Labels,Component/s,Satisfaction rating',
			'SD-101,10101,Incident,E-post nere,Done,Highest,12/Mar/26 3:45 PM,12/Mar/26 5:15 PM,kommun,major-incident,E-post,5',
			'SD-102,10102,Service Request,Nytt konto,Waiting for customer,Medium,13/Mar/26 9:00 AM,,,,AD,',
			'SD-103,10103,Change,Byt brandvägg,Declined,Low,14/Mar/26 10:00 AM,,,,Nät,'
		].join('\n');
		const r = await upload(vatten, csv, { preset: 'jira' }, { client: admin });
		expect(r.body.report).toMatchObject({ status: 'imported', created: 3, rejected: 0 });
		const list = (await admin.json('GET', `/api/v1/customers/${vatten}/tickets?limit=1000`)).body.tickets as Record<string, unknown>[];
		const byNumber = Object.fromEntries(list.filter((t) => t.source === 'jira').map((t) => [t.number, t]));
		expect(byNumber['SD-101']).toMatchObject({ kind: 'incident', priority: 1, status: 'resolved', majorIncident: true, service: 'E-post', openedAt: '2026-03-12T14:45:00.000Z' });
		expect(byNumber['SD-102']).toMatchObject({ kind: 'request', status: 'on_hold', priority: 3 });
		expect(byNumber['SD-103']).toMatchObject({ kind: 'change', status: 'cancelled', priority: 4 });
	});

	it('customer people cannot import', async () => {
		const customerAdmin = await new ApiClient(server.url).login('avtal@vattensyd.example');
		expect((await upload(vatten, 'number\n', { preset: 'servicenow-display' }, { client: customerAdmin })).status).toBe(403);
	});
});

describe('KPIs from imported logs (issue 14, points 5 and 6)', () => {
	/** The first `incidents` incidents of the BPI 2013 log (rows are grouped by SR Number), header included. */
	function bpiExcerpt(incidents: number): { text: string; rows: string[][] } {
		const lines = gunzipSync(readFileSync(resolve(DATA, 'bpic2013-volvo-incidents.csv.gz'))).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
		const out = [lines[0]];
		const seen = new Set<string>();
		for (const line of lines.slice(1)) {
			const number = line.split(',')[0];
			if (!seen.has(number) && seen.size === incidents) break;
			seen.add(number);
			out.push(line);
		}
		return { text: out.join('\n'), rows: out.slice(1).map((l) => l.split(',')) };
	}
	const BPI_YEARS = 'from=2010-01-01&to=2013-01-01';

	it('a BPI-style event log without a resolved-at column, imported with the shipped example mapping, has MTTR and reopen figures', async () => {
		const mappingRes = await admin.json('POST', `/api/v1/customers/${vatten}/import-mappings`, {
			name: 'BPI 2013',
			mapping: { ...EXAMPLE_MAPPINGS['BPI Challenge 2013 (Volvo IT)'].mapping }
		});
		expect(mappingRes.status).toBe(201);
		const { text, rows } = bpiExcerpt(40);
		const imported = await upload(vatten, text, { preset: 'generic', mappingId: mappingRes.body.mapping.id, source: 'vinst' }, { client: admin });
		expect(imported.body.report).toMatchObject({ status: 'imported', tickets: 40, rejected: 0 });

		// the resolution of each ticket is its last entry into Completed in the log (the SLA engine's rule)
		const tickets = (await admin.json('GET', `/api/v1/customers/${vatten}/tickets?limit=500&${BPI_YEARS}`)).body.tickets as { number: string; status: string; resolvedAt: string | null; openedAt: string }[];
		const expected = new Map<string, number>();
		for (const [number, at, status] of rows) {
			const prev = expected.get(number);
			if (status !== 'Completed') expected.delete(number);
			else if (prev === undefined) expected.set(number, Date.parse(at));
		}
		const resolved = tickets.filter((t) => t.status === 'resolved' || t.status === 'closed');
		expect(resolved.length).toBeGreaterThan(10);
		for (const t of resolved) expect(t.resolvedAt && Date.parse(t.resolvedAt), t.number).toBe(expected.get(t.number));

		const kpis = await admin.json('GET', `/api/v1/customers/${vatten}/kpis?${BPI_YEARS}`);
		expectContract('getKpis', kpis.body);
		const r = kpis.body.kpis;
		const incidentsResolved = resolved.length;
		expect(r.mttrOverall.resolved).toBe(incidentsResolved);
		expect(r.mttrOverall.meanHours).toBeGreaterThan(0);
		expect(r.mttrOverall.medianHours).toBeGreaterThan(0);
		expect(r.mttr.reduce((a: number, m: { resolved: number }) => a + m.resolved, 0)).toBe(incidentsResolved);
		// the mean is that of the tickets' own open → resolved times
		const hours = resolved.map((t) => (Date.parse(t.resolvedAt!) - Date.parse(t.openedAt)) / 3_600_000);
		expect(r.mttrOverall.meanHours).toBeCloseTo(hours.reduce((a, h) => a + h, 0) / hours.length, 6);
		const byKey = (k: string) => r.kpis.find((x: { kpi: string }) => x.kpi === k);
		expect(byKey('mttr_hours').value).toBeCloseTo(r.mttrOverall.meanHours, 9);
		expect(byKey('mttr_median_hours').value).toBe(r.mttrOverall.medianHours);
		// reopened: back from Completed to an open status in the log
		const reopened = new Set<string>();
		let last: string[] | undefined;
		for (const row of rows) {
			if (last && last[0] === row[0] && last[2] === 'Completed' && row[2] !== 'Completed') reopened.add(row[0]);
			last = row;
		}
		expect(reopened.size).toBeGreaterThan(0);
		expect(r.reopen).toEqual({ reopened: reopened.size, resolved: incidentsResolved, rate: reopened.size / incidentsResolved });
		expect(byKey('reopened').value).toBe(reopened.size);
		expect(byKey('reopen_rate').value).toBe(r.reopen.rate);
	});

	it("a ServiceNow raw export's active column is imported", async () => {
		const csv = readFileSync(resolve(DATA, 'servicenow-incidents-raw-values.csv'), 'utf8');
		const imported = await upload(vatten, csv, { preset: 'servicenow-raw', source: 'sn-rest' }, { client: admin });
		expect(imported.body.report).toMatchObject({ status: 'imported', tickets: 67, rejected: 0 });
		// the demo gives Vattenbolaget about a thousand tickets of its own: read every page
		const all: { source: string; status: string; active: boolean | null }[] = [];
		for (let offset = 0; ; offset += 1000) {
			const page = await admin.json('GET', `/api/v1/customers/${vatten}/tickets?limit=1000&offset=${offset}`);
			expectContract('listTickets', page.body);
			all.push(...page.body.tickets);
			if (page.body.tickets.length === 0 || all.length >= page.body.total) break;
		}
		const sn = all.filter((t) => t.source === 'sn-rest');
		expect(sn).toHaveLength(67);
		// 27 closed (state 7, active false), 40 still open
		expect(sn.filter((t) => t.active === false).map((t) => t.status)).toEqual(Array(27).fill('closed'));
		expect(sn.filter((t) => t.active === true)).toHaveLength(40);
	});
});

describe('API tokens and JSON ingest', () => {
	const ticket = (n: number) => ({ number: `EXT-${n}`, kind: 'incident', status: 'In Progress', priority: 2, openedAt: '2026-11-02T08:00:00+01:00', title: `Ärende ${n}` });

	it('a token of one customer imports into that customer only, within its scopes, until revoked', async () => {
		const created = await admin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: 'Integration', scopes: ['tickets:write'] });
		expect(created.status).toBe(201);
		expectContract('createApiToken', created.body);
		const secret = created.body.secret as string;
		const listed = await admin.json('GET', `/api/v1/customers/${norrby}/api-tokens`);
		expect(JSON.stringify(listed.body)).not.toContain(secret);

		const ok = await bearer('POST', `/api/v1/customers/${norrby}/tickets`, secret, { source: 'ext', tickets: [ticket(1), ticket(2)] });
		expect(ok.status).toBe(200);
		expect(ok.body.report).toMatchObject({ status: 'imported', created: 2 });
		const again = await bearer('POST', `/api/v1/customers/${norrby}/tickets`, secret, { source: 'ext', tickets: [ticket(1), ticket(2)] });
		expect(again.body.report).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

		// another customer: as if it did not exist, and nothing changes there
		const before = await ticketTotal(vatten);
		const elsewhere = await bearer('POST', `/api/v1/customers/${vatten}/tickets`, secret, { source: 'ext', tickets: [ticket(3)] });
		expect(elsewhere.status).toBe(404);
		expect((await upload(vatten, 'number\n', { preset: 'servicenow-display' }, { token: secret })).status).toBe(404);
		expect(await ticketTotal(vatten)).toBe(before);

		// outside its scopes: reading tickets, or anything else of its own customer
		expect((await bearer('GET', `/api/v1/customers/${norrby}/tickets`, secret)).status).toBe(403);
		expect((await bearer('GET', `/api/v1/customers/${norrby}/forums`, secret)).status).toBe(403);

		expect((await admin.request('DELETE', `/api/v1/customers/${norrby}/api-tokens/${created.body.token.id}`)).status).toBe(204);
		expect((await bearer('POST', `/api/v1/customers/${norrby}/tickets`, secret, { tickets: [ticket(4)] })).status).toBe(401);
		expect((await bearer('GET', `/api/v1/me`, 'smv_nonsense')).status).toBe(401);
	});

	it('a read token lists tickets; invalid items are all reported and nothing is stored', async () => {
		const { body } = await admin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: 'Läsare', scopes: ['tickets:read', 'tickets:write'] });
		const read = await bearer('GET', `/api/v1/customers/${norrby}/tickets?kind=incident&priority=2&limit=3`, body.secret);
		expect(read.status).toBe(200);
		expect(read.body.tickets.every((t: { kind: string; priority: number }) => t.kind === 'incident' && t.priority === 2)).toBe(true);
		const before = await ticketTotal(norrby);
		const bad = await bearer('POST', `/api/v1/customers/${norrby}/tickets`, body.secret, {
			tickets: [ticket(10), { ...ticket(11), priority: 7 }, { ...ticket(12), openedAt: 'igår' }, { ...ticket(13), kind: 'bug' }]
		});
		expect(bad.body.report).toMatchObject({ status: 'rejected', rejected: 3, created: 0 });
		expect(bad.body.report.rejectedRows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4]);
		expect(await ticketTotal(norrby)).toBe(before);
	});

	it('only a supplier admin manages tokens', async () => {
		const staff = await new ApiClient(server.url).login('bam@itmastaren.example');
		expect((await staff.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: 'x', scopes: ['tickets:write'] })).status).toBe(403);
		const customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		expect((await customerAdmin.json('GET', `/api/v1/customers/${norrby}/api-tokens`)).status).toBe(403);
	});
});

describe('SLA settings', () => {
	it('a supplier admin changes the targets and every ticket is recomputed; others may only read', async () => {
		const path = `/api/v1/customers/${vatten}/sla-settings`;
		const before = await admin.json('GET', path);
		expect(before.status).toBe(200);
		expectContract('getSlaSettings', before.body);
		const sla = async () => (await admin.json('GET', `/api/v1/customers/${vatten}/sla?from=2020-01-01&to=2030-01-01`)).body.sla;
		const old = await sla();
		// everything 24×7 with a one-minute resolution target and no pauses: nearly every decided ticket
		// breaches. Vattenbolaget's demo tickets include UCI incidents since the demo spans a year (issue 14
		// point 17); a few dozen of those still count as met (see the J report: to be looked into)
		const strict = {
			...before.body.settings,
			pauseStatuses: [],
			definitions: [1, 2, 3, 4, 5].map((priority) => ({ priority, responseMinutes: 1, resolutionMinutes: 1, calendar: '24x7' }))
		};
		const put = await admin.json('PUT', path, strict);
		expect(put.status).toBe(200);
		const now = await sla();
		expect(now.total.resolution.met).toBeLessThan(old.total.resolution.met / 10);
		expect(now.total.resolution.met + now.total.resolution.breached).toBeGreaterThanOrEqual(old.total.resolution.met + old.total.resolution.breached);
		expect(now.total.resolution.breached).toBeGreaterThan(old.total.resolution.breached);
		const customerAdmin = await new ApiClient(server.url).login('avtal@vattensyd.example');
		expect((await customerAdmin.json('GET', path)).status).toBe(200);
		expect((await customerAdmin.json('PUT', path, strict)).status).toBe(403);
		expect((await admin.json('PUT', path, { ...strict, timeZone: 'Mars/Olympus' })).status).toBe(400);
		expect((await admin.json('PUT', path, before.body.settings)).status).toBe(200);
		expect((await sla()).total).toEqual(old.total);
	});
});

describe('KPI targets', () => {
	it('a supplier admin sets a target and the traffic light follows it', async () => {
		const path = `/api/v1/customers/${norrby}/kpi-targets`;
		const put = await admin.json('PUT', path, { targets: [{ kpi: 'reopen_rate', target: 0, amber: 0, higherIsBetter: false }] });
		expect(put.status).toBe(200);
		expectContract('setKpiTargets', put.body);
		const kpis = (await admin.json('GET', `/api/v1/customers/${norrby}/kpis`)).body.kpis.kpis as { kpi: string; value: number; light: string }[];
		const reopen = kpis.find((k) => k.kpi === 'reopen_rate')!;
		expect(reopen.light).toBe(reopen.value > 0 ? 'red' : 'green');
		// amber on the better side of the target is refused
		expect((await admin.json('PUT', path, { targets: [{ kpi: 'x_rate', target: 0.5, amber: 0.9, higherIsBetter: true }] })).status).toBe(400);
		const customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		expect((await customerAdmin.json('PUT', path, { targets: [] })).status).toBe(403);
		expect((await customerAdmin.json('GET', path)).status).toBe(200);
	});
});
