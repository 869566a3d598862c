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
function resolvedIn(db: Executor, customerId: string, period: Period, priority: Priority | null) {
	let q = db
		.selectFrom('tickets')
		.where('customer_id', '=', customerId)
		.where('kind', '=', 'incident')
		.where('resolved_at', '>=', period.from)
		.where('resolved_at', '<', period.to)
		.where('resolution_hours', 'is not', null);
	q = priority === null ? q.where('priority', 'is not', null) : q.where('priority', '=', priority);
	return q;
}

/** SQLite: the middle value(s) in duration order; the index gives the order, so no sort */
async function sqliteMedian(db: Executor, customerId: string, period: Period, priority: Priority | null, n: number): Promise<number | null> {
	if (n === 0) return null;
	const rows = await resolvedIn(db, customerId, period, priority)
		.select('resolution_hours')
		.orderBy('resolution_hours')
		.limit(n % 2 ? 1 : 2)
		.offset((n - 1) >> 1)
		.execute();
	return rows.length ? rows.reduce((a, r) => a + Number(r.resolution_hours), 0) / rows.length : null;
}

export async function mttrOf(db: Executor, customerId: string, period: Period): Promise<Mttr> {
	const postgres = dialectOf(db) === 'postgres';
	// counts and sums per priority in one pass over the period's range of tickets_resolved_idx
	const sums = await resolvedIn(db, customerId, period, null)
		.select([
			...PRIORITIES.flatMap((p) => [
				sql<number>`sum(case when priority = ${p} then 1 else 0 end)`.as(`n${p}`),
				sql<number | null>`sum(case when priority = ${p} then resolution_hours end)`.as(`s${p}`)
			]),
			...(postgres
				? PRIORITIES.map((p) => sql<number | null>`percentile_cont(0.5) within group (order by resolution_hours) filter (where priority = ${p})`.as(`m${p}`))
				: []),
			...(postgres ? [sql<number | null>`percentile_cont(0.5) within group (order by resolution_hours)`.as('m')] : [])
		])
		.executeTakeFirst();
	const row = (sums ?? {}) as Record<string, unknown>;
	const count = (p: Priority) => Number(row[`n${p}`] ?? 0);
	const medians = postgres
		? [...PRIORITIES.map((p) => num(row[`m${p}`])), num(row.m)]
		: await Promise.all([...PRIORITIES.map((p) => sqliteMedian(db, customerId, period, p, count(p))), sqliteMedian(db, customerId, period, null, PRIORITIES.reduce((a, p) => a + count(p), 0))]);

	const byPriority = PRIORITIES.map((p, i) => {
		const n = count(p);
		return { priority: p, resolved: n, meanHours: n ? Number(row[`s${p}`]) / n : null, medianHours: medians[i] };
	});
	const resolved = byPriority.reduce((a, r) => a + r.resolved, 0);
	const total = PRIORITIES.reduce((a, p) => a + Number(row[`s${p}`] ?? 0), 0);
	return { byPriority, overall: { resolved, meanHours: resolved ? total / resolved : null, medianHours: medians[PRIORITIES.length] } };
}
