/**
 * The KPI report reads daily aggregates (kpi_daily, kpi_mttr_daily) for whole
 * days and the tickets themselves for a period's partial days (issue 14,
 * point 7). Here its figures are checked against a direct computation over
 * the stored tickets, for periods with and without partial days, tickets
 * ingested in two time zones, reopened and paused tickets, durations exactly
 * on the aggregate's bucket bounds, and a re-import that changes priorities,
 * kinds and resolution times (so the aggregate must be updated, not appended).
 * The demo customer's own tickets (stored by the demo loader) are included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';
import { openTestDb } from '../helpers/test-db';

let server: TestServer;
let admin: ApiClient;
let norrby: string;
let db: Kysely<any>;

beforeAll(async () => {
	server = await startServer({ demo: true });
	norrby = (await demoIds(server.url)).customers[NORRBY].id;
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	db = openTestDb(server.databaseUrl);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

/** A deterministic pseudo-random sequence. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

const KINDS = ['incident', 'incident', 'incident', 'request', 'change', 'problem'] as const;
// durations in hours; the first ones lie exactly on bucket bounds (2^e and 1.5 · 2^e hours)
const ON_BOUNDS = [1, 1.5, 2, 0.25, 0.375, 3, 4, 1, 2, 6];
const HOUR = 3_600_000;

/** Local wall-clock time (no offset: the request's timeZone applies) for an instant, as yyyy-mm-ddThh:mm:ss. */
const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/**
 * Tickets around November 2026, many of them near midnight (UTC and
 * Stockholm) so that the partial days at a period's edges matter. `version`
 * 2 changes a third of them: priority, kind, resolution time or back to open.
 */
function tickets(prefix: string, count: number, version: 1 | 2) {
	const rand = rng(count * 7 + prefix.length);
	return Array.from({ length: count }, (_, i) => {
		const day = 1 + Math.floor(rand() * 30);
		const nearMidnight = rand() < 0.5;
		const minutes = nearMidnight ? 22 * 60 + Math.floor(rand() * 180) : Math.floor(rand() * 24 * 60);
		const opened = Date.UTC(2026, 10, day) + minutes * 60_000;
		let kind: string = KINDS[i % KINDS.length];
		let priority: number | null = i % 11 === 10 ? null : 1 + (i % 5);
		let hours = i < ON_BOUNDS.length ? ON_BOUNDS[i] : Math.round(rand() * 200 * 4) / 4 + rand();
		let open = i % 9 === 8;
		const reopened = i % 7 === 3;
		const paused = i % 5 === 2;
		const changed = version === 2 && i % 3 === 0;
		if (changed) {
			if (i % 4 === 0) priority = priority === null ? 3 : (priority % 5) + 1;
			else if (i % 4 === 1) kind = kind === 'incident' ? 'request' : 'incident';
			else if (i % 4 === 2) hours += 30;
			else open = !open;
		}
		const resolved = opened + Math.round(hours * HOUR);
		const history = [{ at: wall(opened), status: 'In Progress', priority: priority ?? undefined }];
		if (paused) history.push({ at: wall(opened + 0.1 * HOUR), status: 'On Hold', priority: priority ?? undefined });
		if (reopened) history.push({ at: wall(opened + 0.2 * HOUR), status: 'Resolved', priority: priority ?? undefined }, { at: wall(opened + 0.3 * HOUR), status: 'In Progress', priority: priority ?? undefined });
		if (!open) history.push({ at: wall(resolved), status: 'Resolved', priority: priority ?? undefined });
		return {
			number: `${prefix}-${i}`,
			kind,
			status: open ? 'In Progress' : 'Resolved',
			priority,
			openedAt: wall(opened),
			resolvedAt: open ? null : wall(resolved),
			reopenCount: reopened ? 1 : 0,
			reassignmentCount: i % 4 === 1 ? 2 : 0,
			majorIncident: kind === 'incident' && i % 13 === 0,
			satisfaction: i % 3 === 1 ? 1 + (i % 5) : null,
			history: history.map((h) => (h.priority === undefined ? { at: h.at, status: h.status } : h))
		};
	});
}

async function ingest(version: 1 | 2) {
	for (const [prefix, timeZone] of [
		['AGG-STO', 'Europe/Stockholm'],
		['AGG-NYC', 'America/New_York']
	] as const) {
		const res = await admin.json('POST', `/api/v1/customers/${norrby}/tickets`, { source: 'kpi-aggregate', timeZone, tickets: tickets(prefix, 70, version) });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.report.status).toBe('imported');
	}
}

interface Row {
	kind: string;
	priority: number | null;
	opened_at: string;
	resolved_at: string | null;
	reopened_at: string | null;
	done_at: string | null;
	resolution_hours: number | null;
	reopen_count: number;
	reassignment_count: number;
	major_incident: number;
	satisfaction: number | null;
}

const median = (xs: number[]) => {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const m = (s.length - 1) >> 1;
	return s.length % 2 ? s[m] : (s[m] + s[m + 1]) / 2;
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : null);

/** The KPI figures computed straight from the stored tickets: the definitions of kpi.service.ts and mttr.ts. */
async function direct(from: string, to: string) {
	const rows = (await db.selectFrom('tickets').selectAll().where('customer_id', '=', norrby).execute()) as Row[];
	const t = (v: string | null) => (v === null ? null : Date.parse(v));
	const inP = (v: string | null) => v !== null && t(v)! >= Date.parse(from) && t(v)! < Date.parse(to);
	const opened = rows.filter((r) => inP(r.opened_at));
	const resolved = rows.filter((r) => inP(r.resolved_at));
	const volumes = ['incident', 'request', 'change', 'problem']
		.map((kind) => ({
			kind,
			opened: opened.filter((r) => r.kind === kind).length,
			resolved: resolved.filter((r) => r.kind === kind).length,
			backlog: rows.filter((r) => r.kind === kind && t(r.opened_at)! < Date.parse(to) && (r.done_at === null || t(r.done_at)! >= Date.parse(to))).length
		}))
		.filter((v) => v.opened + v.resolved + v.backlog > 0);
	const incidents = resolved.filter((r) => r.kind === 'incident');
	const mttrRows = incidents.filter((r) => r.resolution_hours !== null && r.priority !== null);
	const hours = (p: number | null) => mttrRows.filter((r) => p === null || r.priority === p).map((r) => Number(r.resolution_hours));
	const reopened = rows.filter((r) => inP(r.reopened_at)).length;
	const rated = resolved.filter((r) => r.satisfaction !== null).map((r) => Number(r.satisfaction));
	return {
		volumes,
		reopen: { reopened, resolved: resolved.length, rate: resolved.length ? reopened / resolved.length : null },
		mttr: [1, 2, 3, 4, 5].map((p) => ({ priority: p, resolved: hours(p).length, meanHours: mean(hours(p)), medianHours: median(hours(p)) })),
		mttrOverall: { resolved: hours(null).length, meanHours: mean(hours(null)), medianHours: median(hours(null)) },
		major: opened.reduce((a, r) => a + Number(r.major_incident), 0),
		firstContact: incidents.some((r) => r.reassignment_count > 0)
			? incidents.filter((r) => r.reassignment_count === 0 && r.reopen_count === 0).length / incidents.length
			: null,
		satisfaction: mean(rated)
	};
}

const PERIODS: Record<string, string>[] = [
	// Stockholm days: both edges are partial UTC days
	{ from: '2026-11-01', to: '2026-12-01' },
	// whole UTC days only
	{ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
	// inside one day
	{ from: '2026-11-10T06:00:00Z', to: '2026-11-10T20:00:00Z' },
	// odd edges in two offsets
	{ from: '2026-11-09T13:30:00+01:00', to: '2026-11-21T02:15:00-05:00' },
	{ from: '2026-11-15', to: '2026-11-16' },
	// the demo's tickets too
	{ from: '2020-01-01', to: '2028-01-01' },
	// the default: twelve months up to next month
	{}
];

async function expectSameFigures() {
	for (const q of PERIODS) {
		const res = await admin.json('GET', `/api/v1/customers/${norrby}/kpis?${new URLSearchParams(q)}`);
		expect(res.status).toBe(200);
		const r = res.body.kpis;
		const d = await direct(r.period.from, r.period.to);
		const where = JSON.stringify(q);
		expect(r.volumes, where).toEqual(d.volumes);
		expect(r.reopen, where).toEqual(d.reopen);
		const withoutMean = ({ meanHours, ...rest }: { meanHours: number | null }) => ({ ...rest, mean: meanHours === null });
		expect(r.mttr.map(withoutMean), where).toEqual(d.mttr.map(withoutMean));
		expect(withoutMean(r.mttrOverall), where).toEqual(withoutMean(d.mttrOverall));
		// means: the report adds whole milliseconds, the direct computation hours; equal to far below what is shown
		for (const [a, b] of [...r.mttr.map((m: { meanHours: number | null }, i: number) => [m.meanHours, d.mttr[i].meanHours]), [r.mttrOverall.meanHours, d.mttrOverall.meanHours]]) {
			if (b === null) expect(a).toBeNull();
			else expect(a, where).toBeCloseTo(b, 9);
		}
		const kpi = (key: string) => r.kpis.find((k: { kpi: string }) => k.kpi === key).value;
		expect(kpi('major_incidents'), where).toBe(d.major);
		if (d.firstContact === null) expect(kpi('first_contact_resolution'), where).toBeNull();
		else expect(kpi('first_contact_resolution'), where).toBeCloseTo(d.firstContact, 12);
		if (d.satisfaction === null) expect(kpi('satisfaction'), where).toBeNull();
		else expect(kpi('satisfaction'), where).toBeCloseTo(d.satisfaction, 12);
	}
}

describe('KPI report from the daily aggregates', () => {
	it('gives the figures of a direct computation over the tickets: demo data, two time zones, partial days at the edges', async () => {
		await ingest(1);
		const november = (await admin.json('GET', `/api/v1/customers/${norrby}/kpis?from=2026-11-01&to=2026-12-01`)).body.kpis;
		// the dataset reaches every part of the report
		expect(november.mttrOverall.resolved).toBeGreaterThan(20);
		expect(november.reopen.reopened).toBeGreaterThan(0);
		expect(november.volumes.length).toBe(4);
		await expectSameFigures();
	});

	it('after a re-import that changes priorities, kinds, resolution times and reopens, the figures follow', async () => {
		const before = (await admin.json('GET', `/api/v1/customers/${norrby}/kpis?from=2026-11-01&to=2026-12-01`)).body.kpis;
		await ingest(2);
		const after = (await admin.json('GET', `/api/v1/customers/${norrby}/kpis?from=2026-11-01&to=2026-12-01`)).body.kpis;
		expect(after.mttr).not.toEqual(before.mttr);
		await expectSameFigures();
		// importing the same again changes nothing
		await ingest(2);
		expect((await admin.json('GET', `/api/v1/customers/${norrby}/kpis?from=2026-11-01&to=2026-12-01`)).body.kpis.mttr).toEqual(after.mttr);
	});
});
