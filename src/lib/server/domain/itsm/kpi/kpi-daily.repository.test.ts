/** The daily KPI aggregates: what the migration backfills, what a store rebuilds, and the exact MTTR median over their buckets. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '$lib/server/db';
import { bundledMigrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';
import { computeSla } from '../sla/sla-engine';
import { DEFAULT_SETTINGS, slaPolicy } from '../sla/sla-settings';
import { storeTickets } from '../store';
import { toRow } from '../ticket-row';
import type { TicketDraft } from '../ticket.types';
import { actor, CUSTOMER, itsmDb, OTHER } from '../test/itsm-db';
import { kpiReport } from './kpi.service';
import { bucketCeiling, bucketFloor, MTTR_THRESHOLDS, rebuildKpiDaily } from './kpi-daily.repository';

const H = 3_600_000;
const NEW_MIGRATION = '2026-12-06T1330_kpi-daily';
const open = Date.parse('2026-11-02T08:00:00Z');
const NOVEMBER = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

function incident(number: string, hours: number | null, priority: TicketDraft['priority'] = 2, o: Partial<TicketDraft> = {}): TicketDraft {
	const resolvedAt = hours === null ? null : open + Math.round(hours * H);
	const status = resolvedAt === null ? 'in_progress' : 'resolved';
	return {
		source: 'test', sourceId: null, number, kind: 'incident', title: null, statusRaw: status, status, priorityRaw: String(priority), priority,
		impact: null, urgency: null, category: null, service: null, channel: null, assignmentGroup: null, openedAt: open, firstResponseAt: null,
		resolvedAt, closedAt: null, reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet: null, satisfaction: null,
		changeType: null, changeRisk: null, cabRequired: null, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null,
		changeOutcome: null, history: [{ at: open, status: 'in_progress', statusRaw: null, priority }], ...o
	};
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = (s.length - 1) >> 1;
	return s.length % 2 ? s[m] : (s[m] + s[m + 1]) / 2;
};

let db: Db | undefined;
afterEach(async () => {
	await db?.destroy();
	db = undefined;
});

const store = (d: Db, customerId: string, drafts: TicketDraft[]) => storeTickets(d, customerId, drafts, slaPolicy(DEFAULT_SETTINGS), null, new Date().toISOString());
const aggregates = async (d: Db) => ({
	daily: await d.selectFrom('kpi_daily').selectAll().orderBy('customer_id').orderBy('event').orderBy('day').orderBy('kind').execute(),
	mttr: await d.selectFrom('kpi_mttr_daily').selectAll().orderBy('customer_id').orderBy('day').orderBy('priority').orderBy('bucket').execute()
});

describe('MTTR buckets', () => {
	it('are half-octaves from 2^-8 h up, exact binary fractions', () => {
		expect(MTTR_THRESHOLDS.slice(16, 22)).toEqual([1, 1.5, 2, 3, 4, 6]);
		expect(bucketFloor(0)).toBeNull();
		expect(bucketFloor(17)).toBe(1);
		expect(bucketCeiling(17)).toBe(1.5);
		expect(bucketCeiling(MTTR_THRESHOLDS.length)).toBeNull();
		for (const t of MTTR_THRESHOLDS) expect(Number(String(t))).toBe(t);
	});

	it('put a duration on a bound into the bucket it opens, and one just below into the bucket before', async () => {
		db = await itsmDb();
		// from 2^-7 h up a bound is a whole number of milliseconds, so a ticket can last exactly that long (up to 6 weeks here)
		const bounds = MTTR_THRESHOLDS.map((t, i) => [t, i + 1] as const).filter(([t]) => Number.isInteger(t * H) && t <= 1024);
		expect(bounds.length).toBeGreaterThan(30);
		await store(db, CUSTOMER, bounds.flatMap(([t], i) => [incident(`ON${i}`, t), incident(`BELOW${i}`, t - 0.001)]));
		const expected = new Map<number, number>();
		for (const [, b] of bounds) for (const bucket of [b, b - 1]) expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
		// summed over the days of resolution
		const actual = new Map<number, number>();
		for (const m of (await aggregates(db)).mttr) actual.set(Number(m.bucket), (actual.get(Number(m.bucket)) ?? 0) + Number(m.n));
		expect(actual).toEqual(expected);
	}, 20_000);

	it('the median is exact when the middle lies on a bound or between two buckets, for odd and even counts, negative durations included', async () => {
		db = await itsmDb();
		// 1 and 1.5 h lie in neighbouring buckets; 1.5 is a bucket's lower bound; -2 h (resolved before opened) is in bucket 0
		const hours = [1, 1.5, -2, 3, 1.5, 1.25, 200, 0.001];
		await store(db, CUSTOMER, hours.map((h, i) => incident(`M${i}`, h)));
		const even = await kpiReport(db, actor, CUSTOMER, NOVEMBER);
		expect(even.mttrOverall).toEqual({ resolved: 8, meanHours: hours.reduce((a, h) => a + h, 0) / 8, medianHours: median(hours) });
		expect(median(hours)).toBe(1.375);
		await store(db, CUSTOMER, [incident('M8', 1.5)]);
		const odd = await kpiReport(db, actor, CUSTOMER, NOVEMBER);
		expect(odd.mttr[1]).toEqual({ priority: 2, resolved: 9, meanHours: (hours.reduce((a, h) => a + h, 0) + 1.5) / 9, medianHours: 1.5 });
	});

	it('a re-import that moves a ticket to another priority or duration moves it in the aggregate, not beside it', async () => {
		db = await itsmDb();
		await store(db, CUSTOMER, [incident('A', 1, 2), incident('B', 10, 2), incident('C', 100, 2)]);
		expect((await kpiReport(db, actor, CUSTOMER, NOVEMBER)).mttr[1]).toMatchObject({ resolved: 3, medianHours: 10 });
		await store(db, CUSTOMER, [incident('A', 1, 3), incident('B', null, 2), incident('C', 100, 2)]);
		const r = await kpiReport(db, actor, CUSTOMER, NOVEMBER);
		expect(r.mttr[1]).toEqual({ priority: 2, resolved: 1, meanHours: 100, medianHours: 100 });
		expect(r.mttr[2]).toEqual({ priority: 3, resolved: 1, meanHours: 1, medianHours: 1 });
		expect(r.volumes).toEqual([{ kind: 'incident', opened: 3, resolved: 2, backlog: 1 }]);
		const { mttr } = await aggregates(db);
		expect(mttr.reduce((a, m) => a + Number(m.n), 0)).toBe(2);
	});
});

describe('KPI aggregate backfill', () => {
	it('the migration builds for existing tickets exactly what rebuildKpiDaily builds, customer by customer', async () => {
		db = createDb({ dialect: 'sqlite', filename: ':memory:' });
		await migrateToLatest(db, Object.fromEntries(Object.entries(bundledMigrations).filter(([name]) => name < NEW_MIGRATION)));
		const now = new Date().toISOString();
		for (const id of [CUSTOMER, OTHER]) await db.insertInto('customers').values({ id, name: id, org_number: null, created_at: now, updated_at: now }).execute();
		// tickets stored before the migration (straight rows: the store would already want the new tables)
		const drafts = [
			incident('A', 2, 1, { satisfaction: 4, reassignmentCount: 1 }),
			incident('B', 0.75, 3, { majorIncident: true }),
			incident('C', null, 4),
			incident('D', 30, null),
			incident('E', 5, 2, { kind: 'request', satisfaction: 2 }),
			incident('F', 1.5, 5, { reopenCount: 1, history: [{ at: open, status: 'resolved', statusRaw: null, priority: 5 }, { at: open + H, status: 'in_progress', statusRaw: null, priority: 5 }] })
		];
		const policy = slaPolicy(DEFAULT_SETTINGS);
		for (const [customerId, list] of [[CUSTOMER, drafts], [OTHER, drafts.slice(0, 3)]] as const) {
			await db
				.insertInto('tickets')
				.values(list.map((d) => ({ ...toRow(d, computeSla(d, policy)), id: crypto.randomUUID(), customer_id: customerId, import_id: null, created_at: now, updated_at: now })))
				.execute();
		}
		await migrateToLatest(db, bundledMigrations);
		const backfilled = await aggregates(db);
		expect(backfilled.daily.length).toBeGreaterThan(0);
		expect(backfilled.mttr.filter((m) => m.customer_id === OTHER).length).toBeGreaterThan(0);
		for (const id of [CUSTOMER, OTHER]) await rebuildKpiDaily(db, id);
		expect(await aggregates(db)).toEqual(backfilled);
	});
});
