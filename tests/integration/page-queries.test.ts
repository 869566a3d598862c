/**
 * Issue 18, point 5: a page load reads each thing once. The server logs every
 * request's SQL (QUERY_LOG, src/lib/server/db/request-scope.ts); for the main
 * pages, as the supplier's account manager and as the customer's contract
 * owner, the database runs no read twice with the same parameters (unless a
 * write came between), stays under a stated number of queries, and reads the
 * meeting of a meeting page once (it was read 5–8 times per load before).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repeatedQueries, type RequestQueries } from '$lib/server/db/request-scope';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let logDir: string;
let logFile: string;
const clients: Record<'supplier' | 'customer', ApiClient> = {} as never;
/**
 * `limit`: most queries the database may run for the page (on the demo without its history; measured
 * 2026-12-06: home 13–19, forum 19–21, planned meeting 197 (its live figures: SLA per month), meeting in
 * progress 131 (its figures and the room's slides; 334–336 asked), room 117, portal 24, SLA report 150).
 */
let pages: { name: string; path: string; limit: number }[] = [];
let liveMeeting = '';

beforeAll(async () => {
	logDir = mkdtempSync(join(tmpdir(), 'samverkan-queries-'));
	logFile = join(logDir, 'queries.jsonl');
	server = await startServer({ demo: true, env: { QUERY_LOG: logFile } });
	const ids = await demoIds(server.url);
	const norrby = ids.customers[NORRBY];
	const tactical = norrby.forums.tactical.id;
	clients.supplier = await new ApiClient(server.url).login('bam@itmastaren.example');
	clients.customer = await new ApiClient(server.url).login('avtal@norrby.example');
	const planned = norrby.meetings[tactical][0];
	const created = await clients.supplier.json('POST', `/api/v1/forums/${tactical}/meetings`, { title: 'Pågående möte', startsAt: '2031-03-03T09:00', endsAt: '2031-03-03T11:00' });
	expect(created.status).toBe(201);
	liveMeeting = created.body.meeting.id;
	expect((await clients.customer.json('POST', `/api/v1/meetings/${liveMeeting}/start`, { confirmEarly: true })).status).toBe(200);
	pages = [
		{ name: 'home', path: '/', limit: 25 },
		{ name: 'forum', path: `/forums/${tactical}`, limit: 25 },
		{ name: 'meeting (planned)', path: `/meetings/${planned}`, limit: 215 },
		{ name: 'meeting (in progress)', path: `/meetings/${liveMeeting}`, limit: 145 },
		{ name: 'room', path: `/meetings/${liveMeeting}/room`, limit: 130 },
		{ name: 'portal', path: `/customers/${norrby.id}/portal`, limit: 30 },
		{ name: 'SLA report', path: `/customers/${norrby.id}/portal/sla`, limit: 165 }
	];
}, 180_000);

afterAll(async () => {
	await server?.stop();
	rmSync(logDir, { recursive: true, force: true });
});

/** Loads the page and returns the queries of that request, as the server logged them. */
async function queriesOf(who: 'supplier' | 'customer', path: string): Promise<RequestQueries> {
	const res = await clients[who].get(path);
	await res.text();
	expect(res.status, path).toBe(200);
	const lines = readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RequestQueries);
	const mine = lines.filter((l) => l.method === 'GET' && l.path === path);
	return mine[mine.length - 1];
}

describe.each(['supplier', 'customer'] as const)('as the %s', (who) => {
	it('the main pages run no read twice and stay under their number of queries', async () => {
		const report: string[] = [];
		for (const page of pages) {
			await queriesOf(who, page.path); // the first view may store what it builds (a document's first snapshot)
			const log = await queriesOf(who, page.path);
			const ran = log.queries.filter((q) => q.ran).length;
			report.push(`${page.name}: ${ran} run, ${log.queries.length} asked`);
			expect.soft(repeatedQueries(log.queries), `${page.name} repeats a read`).toEqual([]);
			expect.soft(ran, `${page.name}: ${report.at(-1)}`).toBeLessThanOrEqual(page.limit);
		}
		console.log(`${who}: ${report.join('; ')}`);
	});

	it('the meeting page reads its meeting once, though the layout, the page, access checks and the lifecycle all ask for it', async () => {
		const log = await queriesOf(who, `/meetings/${liveMeeting}`);
		const meetingReads = log.queries.filter((q) => /^select \* from "meetings" where "id" = [?$]/.test(q.sql) && q.parameters[0] === liveMeeting);
		expect(meetingReads.length).toBeGreaterThan(1);
		expect(meetingReads.filter((q) => q.ran)).toHaveLength(1);
	});
});
