/**
 * Ticket connectors (issue 21) against the real server and the ServiceNow
 * contract server (tests/helpers/ticket-sources.ts) serving the real
 * ServiceNow sample: the first full sync makes exactly the tickets and SLA
 * figures the CSV import of the same rows makes; an incremental sync picks up
 * exactly what changed at the source; 429 Retry-After is waited out; a 500 on
 * page 3 is retried without duplicates; wrong credentials, a wrong URL and a
 * malformed answer each give an error in words and store nothing; one
 * customer's connector never writes into another customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';
import { newCustomer, postForm, query, saveConnector, snForm, SYNC_ENV, syncNow, ticketContent } from '../helpers/ticket-sync';
import { deleteAtSource, SN_CLIENT, SN_CSV_FILE, SN_USER, serviceNowDisplay, serviceNowEventLog, serviceNowRecords, startServiceNow, stateTrail, toCsv, updateAtSource, type ServiceNowServer } from '../helpers/ticket-sources';

let server: TestServer;
let admin: ApiClient;
let sn: ServiceNowServer;

async function importCsv(customerId: string, csv: string, preset = 'servicenow-raw') {
	const res = await fetch(`${server.url}/api/v1/customers/${customerId}/tickets/import?preset=${preset}`, {
		method: 'POST',
		headers: { 'content-type': 'text/csv', cookie: admin.sessionCookie },
		body: csv
	});
	return (await res.json()).report;
}

/** The customer's SLA figures over every ticket's time. */
const sla = async (id: string) => (await admin.json('GET', `/api/v1/customers/${id}/sla?from=2015-01-01&to=2030-01-01`)).body.sla;

const ticketCount = (customerId: string) => query(server, async (db) => Number((await db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow()).n));

beforeAll(async () => {
	[server, sn] = await Promise.all([startServer({ demo: true, env: { ...SYNC_ENV, METRICS_TOKEN: 'metrics-token-for-sync-tests-0123' } }), startServiceNow()]);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
});
afterAll(async () => {
	await Promise.all([server?.stop(), sn?.close()]);
});

describe('ServiceNow connector', () => {
	let synced: string;
	let imported: string;
	const closed = () => sn.tables.incident.filter((r) => r.active === 'false');

	it('a first full sync makes exactly the tickets and SLA figures of the CSV import of the same rows, and a second one changes nothing', async () => {
		synced = await newCustomer(admin, 'Synkbolaget AB');
		imported = await newCustomer(admin, 'Importbolaget AB');
		expect((await saveConnector(server, admin, synced, snForm(sn.url))).status).toBe(200);
		const since = sn.log.length;
		const run = await syncNow(server, admin, synced, 'servicenow');
		const expected = closed().length;
		expect(expected).toBeGreaterThan(20);
		expect(run).toMatchObject({ status: 'ok', fetched: expected, created: expected, updated: 0, unchanged: 0, error: null });
		// 10 per page: the incidents' pages, each followed by the sys_audit pages of its records, and one empty change_request page
		const asked = sn.log.slice(since);
		expect(asked.filter((l) => l.path.endsWith('/incident'))).toHaveLength(Math.ceil(expected / 10) + (expected % 10 === 0 ? 1 : 0));
		expect(asked.filter((l) => l.path.endsWith('/change_request'))).toHaveLength(1);
		expect(run.requests).toBe(asked.length);
		const audit = asked.filter((l) => l.path.endsWith('/sys_audit')).map((l) => l.query.get('sysparm_query')!);
		expect(audit[0]).toMatch(/^tablename=incident\^fieldname=state\^documentkeyIN[0-9a-f]{32}(,[0-9a-f]{32}){9}\^ORDERBYsys_created_on$/);

		// the CSV import of the same rows (those the query selects) with their state history, as an event-log export has them
		const report = await importCsv(imported, toCsv(serviceNowEventLog(closed())));
		expect(report).toMatchObject({ status: 'imported', created: expected, rejected: 0 });
		expect(await ticketContent(server, synced)).toEqual(await ticketContent(server, imported));
		expect(await sla(synced)).toEqual(await sla(imported));

		const again = await syncNow(server, admin, synced, 'servicenow');
		expect(again).toMatchObject({ status: 'ok', created: 0, updated: 0 });
		// the overlap window reads the newest minute again; nothing of it changed
		expect(again.unchanged).toBe(again.fetched);
	});

	it('the state history read from sys_audit is the status history the CSV import with history gives, and so are the SLA figures of every row', async () => {
		const all = await newCustomer(admin, 'Allt via synk AB');
		const file = await newCustomer(admin, 'Allt via fil AB');
		const flat = await newCustomer(admin, 'Utan historik AB');
		await saveConnector(server, admin, all, snForm(sn.url, { query: '' }));
		const run = await syncNow(server, admin, all, 'servicenow');
		expect(run).toMatchObject({ status: 'ok', created: 67, rejected: 0 });
		expect((await importCsv(file, toCsv(serviceNowEventLog(serviceNowRecords())))).created).toBe(67);
		const synced = await ticketContent(server, all);
		expect(synced).toEqual(await ticketContent(server, file));
		expect(await sla(all)).toEqual(await sla(file));
		// the history is the audit's: a closed incident was New from its creation, not only resolved and closed
		const closedOne = sn.tables.incident.find((r) => r.number === 'INC0000060')!;
		const history = (t: Record<string, unknown>) => (typeof t.history === 'string' ? JSON.parse(t.history) : t.history) as { status: string; statusRaw: string | null }[];
		expect(history(synced.INC0000060).map((h) => h.statusRaw)).toEqual(['New', 'Resolved', 'Closed']);
		expect(stateTrail(closedOne).map((t) => t.state)).toEqual(['1', '6', '7']);
		// and differs from what the file without history gives (timestamps only), so this test can fail
		await importCsv(flat, readFileSync(SN_CSV_FILE, 'utf8'));
		expect(history((await ticketContent(server, flat)).INC0000060).map((h) => h.statusRaw)).not.toEqual(['New', 'Resolved', 'Closed']);
	});

	it('an incremental sync picks up exactly the rows changed at the source', async () => {
		const before = await ticketContent(server, synced);
		const newest = closed().map((r) => r.sys_updated_on).sort().at(-1)!;
		// two old incidents reopened and reprioritised, later than anything read so far
		const changed = closed().slice(0, 2).map((r) => r.number);
		updateAtSource(sn.tables.incident, changed, { priority: '1', urgency: '1', impact: '1' }, '2030-01-01 10:00:00');
		const since = sn.log.length;
		const run = await syncNow(server, admin, synced, 'servicenow');
		expect(run).toMatchObject({ status: 'ok', created: 0, updated: 2 });
		// it asked only for what changed since the watermark, less the overlap (60 s)
		const asked = sn.log.slice(since).find((l) => l.path.endsWith('/incident'))!.query.get('sysparm_query')!;
		const from = new Date(Date.parse(`${newest.replace(' ', 'T')}Z`) - 60_000).toISOString().replace('T', ' ').slice(0, 19);
		expect(asked).toBe(`active=false^sys_updated_on>=${from}^ORDERBYsys_updated_on`);
		const after = await ticketContent(server, synced);
		const differ = Object.keys(after).filter((n) => JSON.stringify(after[n]) !== JSON.stringify(before[n]));
		expect(differ.sort()).toEqual([...changed].sort());
		expect(after[changed[0]]).toMatchObject({ priority: 1 });
	});

	it('a deletion the source reports (sys_audit_delete) removes the ticket through the store, audited, and the figures are those of the rows left', async () => {
		const numbers = closed()
			.slice(2, 4)
			.map((r) => r.number);
		const before = await ticketCount(imported);
		const since = sn.log.length;
		deleteAtSource(sn, 'incident', numbers, '2030-01-01 11:00:00');
		const run = await syncNow(server, admin, synced, 'servicenow');
		expect(run).toMatchObject({ status: 'ok', error: null });
		// it asked for the deletions since the watermark, less the overlap
		expect(sn.log.slice(since).find((l) => l.path.endsWith('/sys_audit_delete'))!.query.get('sysparm_query')).toMatch(/^tablename=incident\^sys_created_on>=2030-01-01 09:59:00\^ORDERBYsys_created_on$/);
		const after = await ticketContent(server, synced);
		expect(numbers.filter((n) => n in after)).toEqual([]);
		expect(Object.keys(after)).toHaveLength(closed().length);
		// the SLA figures are the CSV import's of the rows left
		const rest = await newCustomer(admin, 'Kvar efter radering AB');
		await importCsv(rest, toCsv(serviceNowEventLog(closed())));
		expect(await sla(synced)).toEqual(await sla(rest));
		// audited, in the connector's customer
		const audit = await query(server, (db) => db.selectFrom('audit_log').selectAll().where('action', '=', 'tickets.remove_deleted_at_source').execute());
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ customer_id: synced, entity: 'ticket_connector' });
		expect(JSON.parse(String(audit[0].before))).toEqual({ source: 'servicenow', numbers: [...numbers].sort() });
		// another customer's tickets of the same records stay: a connector removes only in its own customer
		expect(await ticketCount(imported)).toBe(before);
		// a second run reads the same deletion again (overlap) and removes nothing more
		expect(await syncNow(server, admin, synced, 'servicenow')).toMatchObject({ status: 'ok', error: null });
		expect(await query(server, (db) => db.selectFrom('audit_log').select('id').where('action', '=', 'tickets.remove_deleted_at_source').execute())).toHaveLength(1);
	});

	it('with display values (sysparm_display_value=true) it makes the tickets the servicenow-display CSV import of the same rows makes', async () => {
		const shown = await newCustomer(admin, 'Visningsvärden AB');
		const file = await newCustomer(admin, 'Visningsvärden via fil AB');
		await saveConnector(server, admin, shown, snForm(sn.url, { valueMode: 'display' }));
		const since = sn.log.length;
		const run = await syncNow(server, admin, shown, 'servicenow');
		expect(run).toMatchObject({ status: 'ok', created: closed().length, rejected: 0, error: null });
		expect(sn.log.slice(since).find((l) => l.path.endsWith('/incident'))!.query.get('sysparm_display_value')).toBe('true');
		const rows = closed().map(serviceNowDisplay);
		expect(rows[0].incident_state).toBe('Closed');
		expect((await importCsv(file, toCsv(rows), 'servicenow-display')).created).toBe(closed().length);
		const content = await ticketContent(server, shown);
		expect(content).toEqual(await ticketContent(server, file));
		expect(await sla(shown)).toEqual(await sla(file));
		// and the times are the raw ones: display values in Stockholm time read back to the same instants
		expect(content[closed()[0].number].opened_at).toBe(new Date(`${closed()[0].opened_at.replace(' ', 'T')}Z`).toISOString());
	});

	it('OAuth client credentials sign in too', async () => {
		const oauth = await newCustomer(admin, 'OAuth-kunden AB');
		await saveConnector(server, admin, oauth, snForm(sn.url, { auth: 'oauth', username: SN_CLIENT.id, secret: SN_CLIENT.secret }));
		expect(await syncNow(server, admin, oauth, 'servicenow')).toMatchObject({ status: 'ok', created: closed().length });
	});

	it('waits out a 429 with Retry-After: 2', async () => {
		const c = await newCustomer(admin, 'Tålamod AB');
		await saveConnector(server, admin, c, snForm(sn.url));
		const since = sn.log.length;
		sn.faults.rateLimit = { times: 1, retryAfter: '2' };
		const run = await syncNow(server, admin, c, 'servicenow');
		expect(run).toMatchObject({ status: 'ok', created: closed().length, retries: 1 });
		const log = sn.log.slice(since);
		const limited = log.findIndex((l) => l.status === 429);
		expect(limited).toBeGreaterThanOrEqual(0);
		expect(log[limited + 1].at - log[limited].at).toBeGreaterThanOrEqual(1900);
	});

	it('retries a 500 on page 3 and completes without duplicates', async () => {
		const c = await newCustomer(admin, 'Envishet AB');
		await saveConnector(server, admin, c, snForm(sn.url));
		sn.faults.failPage = { page: 3, status: 500, times: 1 };
		const since = sn.log.length;
		const run = await syncNow(server, admin, c, 'servicenow');
		expect(sn.log.slice(since).filter((l) => l.status === 500)).toHaveLength(1);
		expect(run).toMatchObject({ status: 'ok', created: closed().length, retries: 1 });
		expect(await ticketCount(c)).toBe(closed().length);
	});

	it('wrong credentials, a wrong URL and a malformed answer each fail in words, on the page too, and store nothing', async () => {
		const c = await newCustomer(admin, 'Felbolaget AB');
		const page = async () => (await admin.request('GET', `/customers/${c}/tickets/connectors`)).text();

		await saveConnector(server, admin, c, snForm(sn.url, { secret: 'fel lösenord' }));
		const wrongSecret = await syncNow(server, admin, c, 'servicenow');
		expect(wrongSecret.status).toBe('failed');
		expect(wrongSecret.error).toMatch(/refused the credentials \(401\)/);
		expect(await page()).toContain('refused the credentials (401)');

		await saveConnector(server, admin, c, snForm(`${sn.url}/fel/sokvag`, { secret: '' }));
		const wrongUrl = await syncNow(server, admin, c, 'servicenow');
		expect(wrongUrl.error).toMatch(/No such API at .*\/fel\/sokvag\/api\/now\/table\/incident \(404\): check the base URL/);

		await saveConnector(server, admin, c, snForm(sn.url, { secret: SN_USER.password }));
		sn.faults.malformed = true;
		try {
			const malformed = await syncNow(server, admin, c, 'servicenow');
			expect(malformed.status).toBe('failed');
			expect(malformed.error).toMatch(/not JSON/);
		} finally {
			sn.faults.malformed = false;
		}
		expect(await ticketCount(c)).toBe(0);
		// the watermark did not move: the next good run reads everything
		expect(await syncNow(server, admin, c, 'servicenow')).toMatchObject({ status: 'ok', created: closed().length });
	});

	it("never writes into another customer: the secret is never shown, and another customer's page or ids answer 404", async () => {
		const a = await newCustomer(admin, 'Kund Ett AB');
		const b = await newCustomer(admin, 'Kund Två AB');
		const rows = serviceNowRecords();
		for (const [i, r] of rows.entries()) r.company = i % 2 ? 'bbbb' : 'aaaa';
		const two = await startServiceNow(rows);
		try {
			await saveConnector(server, admin, a, snForm(two.url, { query: 'company=aaaa' }));
			const run = await syncNow(server, admin, a, 'servicenow');
			expect(run).toMatchObject({ status: 'ok', created: 34 });
			expect(await ticketCount(a)).toBe(34);
			expect(await ticketCount(b)).toBe(0);
			// B has no connector: "sync now" on B's page is a 404, whatever kind is named
			const res = await postForm(server, admin, `/customers/${b}/tickets/connectors?/sync`, { _form: 'sync-servicenow', kind: 'servicenow' });
			expect(res.status).toBe(404);
			// the stored secret is sealed and never on the page
			const html = await (await admin.request('GET', `/customers/${a}/tickets/connectors`)).text();
			expect(html).not.toContain(SN_USER.password);
			const stored = await query(server, (db) => db.selectFrom('ticket_connectors').select('secret_sealed').where('customer_id', '=', a).executeTakeFirstOrThrow());
			expect(stored.secret_sealed).toMatch(/^v1\./);
			expect(stored.secret_sealed).not.toContain(SN_USER.password);
		} finally {
			await two.close();
		}
		// a customer's own admin cannot open the connectors at all
		const customerAdmin = await new ApiClient(server.url).login('avtal@vattensyd.example');
		expect((await customerAdmin.request('GET', `/customers/${a}/tickets/connectors`)).status).toBe(404);
	});

	it('reports its runs and failing connectors in /metrics', async () => {
		const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-sync-tests-0123' } })).text();
		const value = (name: string) => Number(new RegExp(`^samverkan_${name}\\{[^}]*\\} (\\d+)`, 'm').exec(text)?.[1]);
		expect(value('ticket_sync_runs_total')).toBeGreaterThanOrEqual(10);
		// the wrong secret, the wrong URL and the malformed answer
		expect(value('ticket_sync_failed_runs_total')).toBe(3);
		expect(value('ticket_sync_retries_total')).toBeGreaterThanOrEqual(2);
		expect(value('ticket_sync_tickets_created_total')).toBeGreaterThan(100);
		expect(value('ticket_sync_failing_connectors')).toBe(0);
		expect(value('ticket_sync_running')).toBe(0);
	});
});
