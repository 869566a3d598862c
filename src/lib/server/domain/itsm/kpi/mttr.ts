/**
 * MTTR of a period: incidents resolved in it (resolved_at in [from, to)),
 * open → resolved in hours (never → closed: ServiceNow auto-closes days after
 * resolution), per priority and overall. Overall is every resolved incident
 * with a priority, so its count is the sum of the per-priority rows.
 *
 * Mean and the exact median are computed by the database from the stored
 * `resolution_hours`: PostgreSQL's percentile_cont(0.5); SQLite has no
 * percentile, so it steps through `tickets_mttr_idx` / `tickets_mttr_all_idx`
 * in duration order to the middle one or two rows (the mean of the two middle
 * values for an even count, as percentile_cont). No duration is read into
 * JavaScript: the KPI report over a million tickets stays under a second.
 */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import { PRIORITIES, type Priority } from '../ticket.types';

export interface MttrFigure {
	resolved: number;
	meanHours: number | null;
	medianHours: number | null;
}

export interface MttrRow extends MttrFigure {
	priority: number;
}

export interface Mttr {
	byPriority: MttrRow[];
	overall: MttrFigure;
}

interface Period {
	from: string;
	to: string;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** the incidents resolved in the period with a duration, optionally of one priority */
function resolvedIn(db: Executor, customerId: string, period: Period, priority: Priority | null, inDurationOrder = false) {
	// SQLite: unary + keeps the planner off tickets_resolved_idx (a range, then a sort of every row)
	const resolvedAt = inDurationOrder && dialectOf(db) === 'sqlite' ? sql<string>`+resolved_at` : sql<string>`resolved_at`;
	let q = db
		.selectFrom('tickets')
		.where('customer_id', '=', customerId)
		.where('kind', '=', 'incident')
		.where(resolvedAt, '>=', period.from)
		.where(resolvedAt, '<', period.to)
		.where('resolution_hours', 'is not', null);
	q = priority === null ? q.where('priority', 'is not', null) : q.where('priority', '=', priority);
	return q;
}

/** SQLite: the middle value(s) in duration order; the index gives the order, so no sort */
async function sqliteMedian(db: Executor, customerId: string, period: Period, priority: Priority | null, n: number): Promise<number | null> {
	if (n === 0) return null;
	const rows = await resolvedIn(db, customerId, period, priority, true)
		.select('resolution_hours')
		.orderBy('resolution_hours')
		.limit(n % 2 ? 1 : 2)
		.offset((n - 1) >> 1)
		.execute();
	return rows.length ? rows.reduce((a, r) => a + Number(r.resolution_hours), 0) / rows.length : null;
}

/** PostgreSQL: percentile_cont per priority and over all of them, in one pass */
async function pgMedians(db: Executor, customerId: string, period: Period): Promise<(number | null)[]> {
	const row = (await resolvedIn(db, customerId, period, null)
		.select([
			...PRIORITIES.map((p) => sql<number | null>`percentile_cont(0.5) within group (order by resolution_hours) filter (where priority = ${p})`.as(`m${p}`)),
			sql<number | null>`percentile_cont(0.5) within group (order by resolution_hours)`.as('m')
		])
		.executeTakeFirst()) as Record<string, unknown> | undefined;
	return [...PRIORITIES.map((p) => num(row?.[`m${p}`])), num(row?.m)];
}

export async function mttrOf(db: Executor, customerId: string, period: Period): Promise<Mttr> {
	const postgres = dialectOf(db) === 'postgres';
	// count and sum per priority: a walk of tickets_mttr_idx, already in priority order (plain aggregates, no CASE per row)
	const sums = await resolvedIn(db, customerId, period, null, true)
		.select(['priority', sql<number>`count(*)`.as('n'), sql<number>`sum(resolution_hours)`.as('s')])
		.groupBy('priority')
		.execute();
	const of = (p: Priority) => sums.find((r) => Number(r.priority) === p);
	const count = (p: Priority) => Number(of(p)?.n ?? 0);
	const sum = (p: Priority) => Number(of(p)?.s ?? 0);
	const medians = postgres
		? await pgMedians(db, customerId, period)
		: await Promise.all([...PRIORITIES.map((p) => sqliteMedian(db, customerId, period, p, count(p))), sqliteMedian(db, customerId, period, null, PRIORITIES.reduce((a, p) => a + count(p), 0))]);

	const byPriority = PRIORITIES.map((p, i) => {
		const n = count(p);
		return { priority: p, resolved: n, meanHours: n ? sum(p) / n : null, medianHours: medians[i] };
	});
	const resolved = byPriority.reduce((a, r) => a + r.resolved, 0);
	const total = PRIORITIES.reduce((a, p) => a + sum(p), 0);
	return { byPriority, overall: { resolved, meanHours: resolved ? total / resolved : null, medianHours: medians[PRIORITIES.length] } };
}
