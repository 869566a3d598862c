/**
 * Ticket connectors under failure (issue 21): an instance killed with -9 in
 * the middle of a sync loses and duplicates nothing once the connector runs
 * again (its half-done run stored nothing; the lease runs out and the next
 * instance takes it over), and two instances on one database never run one
 * connector at once (the lease in worker_leases).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';
import { startServiceNow, type ServiceNowServer } from '../helpers/ticket-sources';
import { newCustomer, query, saveConnector, snForm, SYNC_ENV } from '../helpers/ticket-sync';

const servers: TestServer[] = [];
let sn: ServiceNowServer | null = null;
afterAll(async () => {
	for (const s of servers.reverse()) await s.stop().catch(() => {});
	await sn?.close();
});

const waitFor = async <T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> => {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		const v = await fn();
		if (v) return v;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
};

type RunRow = { id: string; status: string; started_at: string; finished_at: string | null; created: number; error: string | null };
const runsOf = (s: TestServer, customerId: string) =>
	query(s, (db) => db.selectFrom('ticket_sync_runs').selectAll().where('customer_id', '=', customerId).orderBy('started_at').execute()) as Promise<RunRow[]>;
const ticketNumbers = (s: TestServer, customerId: string) =>
	query(s, async (db) => (await db.selectFrom('tickets').select('number').where('customer_id', '=', customerId).execute()).map((r: { number: string }) => r.number));

describe('ticket sync under failure', () => {
	it('kill -9 in the middle of a sync loses and duplicates nothing on restart', async () => {
		sn = await startServiceNow();
		const env = { ...SYNC_ENV, SYNC_LEASE_MS: '1500' };
		const first = await startServer({ demo: true, env });
		servers.push(first);
		const admin = await new ApiClient(first.url).login('admin@itmastaren.example');
		const c = await newCustomer(admin, 'Avbrottet AB');
		let reached!: () => void;
		const atPage3 = new Promise<void>((r) => (reached = r));
		sn.faults.holdPage = { page: 3, reached };
		// the schedule on: a new connector is due at once
		await saveConnector(first, admin, c, snForm(sn.url, { enabled: '1', query: '' }));
		await atPage3;
		await first.kill();
		expect(await ticketNumbers(first, c)).toEqual([]);
		expect((await runsOf(first, c)).map((r) => r.status)).toEqual(['running']);

		sn.faults.holdPage = undefined;
		const second = await startServer({ demo: true, dataDir: first.dataDir, env });
		servers.push(second);
		const done = await waitFor('the run after the restart', async () => (await runsOf(second, c)).find((r) => r.status === 'ok'));
		expect(done.created).toBe(67);
		const numbers = await ticketNumbers(second, c);
		expect(numbers).toHaveLength(67);
		expect(new Set(numbers).size).toBe(67);
		// the killed run is marked, not left running
		expect((await runsOf(second, c)).map((r) => r.status)).toEqual(['interrupted', 'ok']);
		await second.stop();
	}, 120_000);

	it('two instances never run one connector at once', async () => {
		const source = await startServiceNow();
		try {
			// slow answers: a run takes about a second, the instances look every 50 ms (the lease is long enough for
			// a commit that waits for SQLite's one writer while the other instance claims and polls)
			source.faults.delayMs = 60;
			const env = { ...SYNC_ENV, SYNC_POLL_MS: '50', SYNC_LEASE_MS: '10000' };
			const one = await startServer({ demo: true, env });
			servers.push(one);
			const two = await startServer({ demo: true, env, databaseUrl: one.databaseUrl });
			servers.push(two);
			const a1 = await new ApiClient(one.url).login('admin@itmastaren.example');
			const a2 = await new ApiClient(two.url).login('admin@itmastaren.example');
			const c = await newCustomer(a1, 'Ensam körning AB');
			await saveConnector(one, a1, c, snForm(source.url, { query: '' }));
			// "sync now" pressed on both instances, again and again, while runs are under way
			const post = (s: TestServer, a: ApiClient) =>
				a.request('POST', `/customers/${c}/tickets/connectors?/sync`, new URLSearchParams({ _form: 'sync-servicenow', kind: 'servicenow' }).toString(), {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: s.url
				});
			for (let i = 0; i < 6; i++) {
				await Promise.all([post(one, a1), post(two, a2)]);
				await new Promise((r) => setTimeout(r, 400));
			}
			await waitFor('the runs to finish', async () => {
				const runs = await runsOf(one, c);
				const pending = await query(one, (db) => db.selectFrom('ticket_connectors').select('requested_at').where('customer_id', '=', c).executeTakeFirstOrThrow());
				return runs.length >= 2 && runs.every((r) => r.status !== 'running') && pending.requested_at === null;
			});
			const runs = await runsOf(one, c);
			// no two runs overlap in time, and the source never saw two requests of the connector at once
			for (let i = 1; i < runs.length; i++) expect(runs[i].started_at >= runs[i - 1].finished_at!).toBe(true);
			expect(source.maxInFlight.get('samverkan.sync')).toBe(1);
			expect(runs.every((r) => r.status === 'ok')).toBe(true);
			expect(runs.reduce((n, r) => n + r.created, 0)).toBe(67);
			expect(await ticketNumbers(one, c)).toHaveLength(67);
		} finally {
			await source.close();
		}
	}, 120_000);
});
