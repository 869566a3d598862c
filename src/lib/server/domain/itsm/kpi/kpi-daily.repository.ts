/**
 * The daily KPI aggregates (tables kpi_daily and kpi_mttr_daily, migration
 * 2026-12-06T1330_kpi-daily) and the sums the KPI report reads from them. As
 * with sla_daily, a period's sums are: whole UTC days from the aggregate, and
 * the partial days at its edges straight from the covering indexes of
 * `tickets`, with the same SQL expressions the aggregate is built with. A
 * one-year report over a million tickets reads a few thousand rows of
 * kpi_daily and a few tens of thousands of kpi_mttr_daily.
 *
 * Each customer's aggregates are rebuilt in the transaction that changed its
 * tickets (itsm/store.ts), so an update, not only an insert, is reflected.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '$lib/server/db';
import { monthsCovering } from '../sla/sla-daily.repository';

/** What kpi_daily counts a ticket under on a day: the day of its opened_at, resolved_at or reopened_at. */
export const KPI_EVENTS = { opened: 'opened_at', resolved: 'resolved_at', reopened: 'reopened_at' } as const;
export type KpiEvent = keyof typeof KPI_EVENTS;

/** Of the tickets of one event and kind: how many, and of them the figures the KPIs take of that event (0 for the others). */
export interface EventSums {
	event: KpiEvent;
	kind: string;
	n: number;
	/** major incidents (opened) */
	major: number;
	/** incidents without reassignment or reopen (resolved) */
	firstContact: number;
	/** incidents reassigned at least once (resolved) */
	reassigned: number;
	/** tickets with a satisfaction score, and the sum of the scores (resolved) */
	rated: number;
	satisfaction: number;
}

/**
 * Duration buckets of MTTR: half-octaves of `resolution_hours`, the thresholds
 * 2^e and 1.5 · 2^e hours for e = -8..15 (14 s to 5.6 years), exact binary
 * fractions, so the SQL that buckets and the SQL that reads a bucket's rows
 * compare against the very same numbers. Bucket b holds the durations d with
 * MTTR_THRESHOLDS[b - 1] <= d < MTTR_THRESHOLDS[b] (bucket 0: below the first,
 * negative durations included; the last: from the last threshold up).
 */
export const MTTR_THRESHOLDS: readonly number[] = Array.from({ length: 24 }, (_, i) => 2 ** (i - 8)).flatMap((t) => [t, 1.5 * t]);

/** The lowest duration of bucket b, in hours (null for bucket 0: it has no lower bound). */
export const bucketFloor = (bucket: number): number | null => (bucket === 0 ? null : MTTR_THRESHOLDS[bucket - 1]);
/** The bound above bucket b, in hours, not in it (null for the last bucket: it has no upper bound). */
export const bucketCeiling = (bucket: number): number | null => (bucket >= MTTR_THRESHOLDS.length ? null : MTTR_THRESHOLDS[bucket]);

/** Resolved incidents with a priority, of one priority and duration bucket: how many, and their durations' sum in whole ms. */
export interface MttrBucket {
	priority: number;
	bucket: number;
	n: number;
	ms: number;
}

/** the bucket of resolution_hours among buckets lo..hi: a binary search of nested CASEs (6 comparisons, not up to 48) */
const bucketCase = (lo: number, hi: number): string => {
	if (lo === hi) return String(lo);
	const mid = (lo + hi + 1) >> 1;
	return `case when resolution_hours < ${MTTR_THRESHOLDS[mid - 1]} then ${bucketCase(lo, mid - 1)} else ${bucketCase(mid, hi)} end`;
};
const BUCKET_OF = sql.raw(bucketCase(0, MTTR_THRESHOLDS.length));
/** open → resolved in whole milliseconds: exact integer sums, whatever order the database adds them in */
const MS_OF = sql`cast(round(resolution_hours * 3600000) as bigint)`;
const one = (cond: string) => sql.raw(`sum(case when ${cond} then 1 else 0 end)`);
/**
 * The sums of each event, in the column order of kpi_daily: only what the
 * report takes of that event (major incidents of the opened; first contact,
 * reassignment and satisfaction of the resolved; 0 otherwise), so each is
 * read from the event's covering index (tickets_opened_idx, tickets_resolved_idx).
 */
const EVENT_SUMS: Record<KpiEvent, RawBuilder<unknown>> = {
	opened: sql`count(*) as n, sum(major_incident) as major, 0 as first_contact, 0 as reassigned, 0 as rated, 0 as satisfaction`,
	resolved: sql`count(*) as n, 0 as major,
		${one("kind = 'incident' and reassignment_count = 0 and reopen_count = 0")} as first_contact,
		${one("kind = 'incident' and reassignment_count > 0")} as reassigned,
		count(satisfaction) as rated, coalesce(sum(satisfaction), 0) as satisfaction`,
	reopened: sql`count(*) as n, 0 as major, 0 as first_contact, 0 as reassigned, 0 as rated, 0 as satisfaction`
};
/** the incidents MTTR counts: resolved, with a duration and a priority */
const MTTR_TICKETS = sql`kind = 'incident' and priority is not null and resolution_hours is not null`;

/** Rebuilds a customer's KPI aggregates; called in the transaction that changed its tickets. */
export async function rebuildKpiDaily(db: Executor, customerId: string, between: () => Promise<void> = async () => {}): Promise<void> {
	await db.deleteFrom('kpi_daily').where('customer_id', '=', customerId).execute();
	await db.deleteFrom('kpi_mttr_daily').where('customer_id', '=', customerId).execute();
	// a column and a calendar month at a time (a range of its index), `between` after each: see rebuildSlaDaily
	for (const [event, column] of Object.entries(KPI_EVENTS)) {
		const col = sql.ref(column);
		for (const [from, to] of await monthsOf(db, customerId, column)) {
			await sql`
				insert into kpi_daily (customer_id, event, day, kind, n, major, first_contact, reassigned, rated, satisfaction)
				select customer_id, ${event}, substr(${col}, 1, 10), kind, ${EVENT_SUMS[event as KpiEvent]}
				from tickets
				where customer_id = ${customerId} and ${col} >= ${from} and ${col} < ${to}
				group by customer_id, substr(${col}, 1, 10), kind`.execute(db);
			await between();
		}
	}
	for (const [from, to] of await monthsOf(db, customerId, 'resolved_at')) {
		await sql`
			insert into kpi_mttr_daily (customer_id, day, priority, bucket, n, ms)
			select customer_id, substr(resolved_at, 1, 10), priority, ${BUCKET_OF}, count(*), sum(${MS_OF})
			from tickets
			where customer_id = ${customerId} and resolved_at >= ${from} and resolved_at < ${to} and ${MTTR_TICKETS}
			group by customer_id, substr(resolved_at, 1, 10), priority, ${BUCKET_OF}`.execute(db);
		await between();
	}
}

/** The calendar months holding a customer's values of one timestamp column. */
async function monthsOf(db: Executor, customerId: string, column: string): Promise<[string, string][]> {
	const span = await sql<{ first: string | null; last: string | null }>`
		select min(${sql.ref(column)}) as first, max(${sql.ref(column)}) as last from tickets
		where customer_id = ${customerId} and ${sql.ref(column)} is not null`.execute(db);
	const row = span.rows[0];
	return row?.first && row.last ? monthsCovering(String(row.first), String(row.last)) : [];
}

const DAY = 86_400_000;
const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * Rows of [from, to): the whole UTC days inside it from `daily` (yyyy-mm-dd
 * bounds, end exclusive), the partial days at its edges from `live`.
 */
async function overDays<T>(from: string, to: string, live: (from: string, to: string) => Promise<T[]>, daily: (firstDay: string, endDay: string) => Promise<T[]>): Promise<T[]> {
	if (from >= to) return [];
	const dayStart = Date.parse(`${dayOf(from)}T00:00:00.000Z`);
	const firstWhole = new Date(dayStart === Date.parse(from) ? dayStart : dayStart + DAY).toISOString();
	const endWhole = `${dayOf(to)}T00:00:00.000Z`;
	if (firstWhole >= endWhole) return live(from, to);
	const parts = await Promise.all([live(from, firstWhole), daily(dayOf(firstWhole), dayOf(endWhole)), live(endWhole, to)]);
	return parts.flat();
}

type SumsRow = { kind: string; n: unknown; major: unknown; first_contact: unknown; reassigned: unknown; rated: unknown; satisfaction: unknown };
const toSums = (event: KpiEvent, r: SumsRow): EventSums => ({
	event,
	kind: r.kind,
	n: Number(r.n),
	major: Number(r.major ?? 0),
	firstContact: Number(r.first_contact ?? 0),
	reassigned: Number(r.reassigned ?? 0),
	rated: Number(r.rated ?? 0),
	satisfaction: Number(r.satisfaction ?? 0)
});

/** The sums of every event and kind in [from, to), one row per event and kind. */
export async function eventSums(db: Executor, customerId: string, from: string, to: string): Promise<EventSums[]> {
	const live = (f: string, t: string) =>
		Promise.all(
			Object.entries(KPI_EVENTS).map(async ([event, column]) => {
				const col = sql.ref(column);
				const { rows } = await sql<SumsRow>`
					select kind, ${EVENT_SUMS[event as KpiEvent]} from tickets
					where customer_id = ${customerId} and ${col} >= ${f} and ${col} < ${t}
					group by kind`.execute(db);
				return rows.map((r) => toSums(event as KpiEvent, r));
			})
		).then((x) => x.flat());
	const daily = async (firstDay: string, endDay: string) => {
		const rows = await db
			.selectFrom('kpi_daily')
			.select((eb) => [
				'event',
				'kind',
				eb.fn.sum<number>('n').as('n'),
				eb.fn.sum<number>('major').as('major'),
				eb.fn.sum<number>('first_contact').as('first_contact'),
				eb.fn.sum<number>('reassigned').as('reassigned'),
				eb.fn.sum<number>('rated').as('rated'),
				eb.fn.sum<number>('satisfaction').as('satisfaction')
			])
			.where('customer_id', '=', customerId)
			.where('day', '>=', firstDay)
			.where('day', '<', endDay)
			.groupBy(['event', 'kind'])
			.execute();
		return rows.map((r) => toSums(r.event as KpiEvent, r));
	};
	const merged = new Map<string, EventSums>();
	for (const r of await overDays(from, to, live, daily)) {
		const key = `${r.event} ${r.kind}`;
		const m = merged.get(key);
		if (!m) merged.set(key, r);
		else
			merged.set(key, {
				...m,
				n: m.n + r.n,
				major: m.major + r.major,
				firstContact: m.firstContact + r.firstContact,
				reassigned: m.reassigned + r.reassigned,
				rated: m.rated + r.rated,
				satisfaction: m.satisfaction + r.satisfaction
			});
	}
	return [...merged.values()];
}

/** The incidents MTTR counts resolved in [from, to), per priority and duration bucket (one row per pair). */
export async function mttrBuckets(db: Executor, customerId: string, from: string, to: string): Promise<MttrBucket[]> {
	const live = async (f: string, t: string) => {
		const { rows } = await sql<{ priority: unknown; bucket: unknown; n: unknown; ms: unknown }>`
			select priority, ${BUCKET_OF} as bucket, count(*) as n, sum(${MS_OF}) as ms from tickets
			where customer_id = ${customerId} and resolved_at >= ${f} and resolved_at < ${t} and ${MTTR_TICKETS}
			group by priority, ${BUCKET_OF}`.execute(db);
		return rows;
	};
	const daily = (firstDay: string, endDay: string) =>
		db
			.selectFrom('kpi_mttr_daily')
			.select((eb) => ['priority', 'bucket', eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('ms').as('ms')])
			.where('customer_id', '=', customerId)
			.where('day', '>=', firstDay)
			.where('day', '<', endDay)
			.groupBy(['priority', 'bucket'])
			.execute();
	const merged = new Map<string, MttrBucket>();
	for (const r of await overDays<{ priority: unknown; bucket: unknown; n: unknown; ms: unknown }>(from, to, live, daily)) {
		const priority = Number(r.priority);
		const bucket = Number(r.bucket);
		const key = `${priority} ${bucket}`;
		const m = merged.get(key) ?? { priority, bucket, n: 0, ms: 0 };
		merged.set(key, { ...m, n: m.n + Number(r.n), ms: m.ms + Number(r.ms) });
	}
	return [...merged.values()].sort((a, b) => a.priority - b.priority || a.bucket - b.bucket);
}
