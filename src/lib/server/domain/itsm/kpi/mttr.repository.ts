/** The duration-ordered read behind the exact MTTR median (mttr.ts). No rules here. */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import type { Priority } from '../ticket.types';

export interface MttrPeriod {
	from: string;
	to: string;
}

/** the incidents resolved in the period with a duration in [floor, ceiling) hours (null: unbounded), of one priority or of any */
function resolvedIn(db: Executor, customerId: string, period: MttrPeriod, priority: Priority | null, floor: number | null, ceiling: number | null) {
	// SQLite: unary + keeps the planner off tickets_resolved_idx (a range, then a sort of every row)
	const resolvedAt = dialectOf(db) === 'sqlite' ? sql<string>`+resolved_at` : sql<string>`resolved_at`;
	let q = db
		.selectFrom('tickets')
		.where('customer_id', '=', customerId)
		.where('kind', '=', 'incident')
		.where(resolvedAt, '>=', period.from)
		.where(resolvedAt, '<', period.to)
		.where('resolution_hours', 'is not', null);
	q = priority === null ? q.where('priority', 'is not', null) : q.where('priority', '=', priority);
	if (floor !== null) q = q.where('resolution_hours', '>=', floor);
	return ceiling === null ? q : q.where('resolution_hours', '<', ceiling);
}

/** `limit` durations (hours) from `offset` on, in duration order, of the incidents resolvedIn selects. */
export const resolutionHoursInOrder = (
	db: Executor,
	customerId: string,
	period: MttrPeriod,
	priority: Priority | null,
	bounds: { floor: number | null; ceiling: number | null },
	limit: number,
	offset: number
) =>
	resolvedIn(db, customerId, period, priority, bounds.floor, bounds.ceiling)
		.select('resolution_hours')
		.orderBy('resolution_hours')
		.limit(limit)
		.offset(offset)
		.execute();
