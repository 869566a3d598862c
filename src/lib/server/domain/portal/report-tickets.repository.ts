/** The ticket queries behind the portal's reports. Repository functions take the executor first. */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import { PRIORITIES } from '../itsm/ticket.types';

export interface CountRow {
	key: string | null;
	count: number;
}

interface Span {
	from: string;
	to: string;
}

/** Tickets opened in [from, to) counted by one column, most first (at most 25 groups). */
export async function openedCountsBy(db: Executor, customerId: string, p: Span, column: 'category' | 'channel' | 'priority'): Promise<CountRow[]> {
	const rows = await db
		.selectFrom('tickets')
		.select([sql<string | null>`cast(${sql.ref(column)} as text)`.as('key'), sql<number>`count(*)`.as('count')])
		.where('customer_id', '=', customerId)
		.where('opened_at', '>=', p.from)
		.where('opened_at', '<', p.to)
		.groupBy(column)
		.orderBy(sql`count(*)`, 'desc')
		.limit(25)
		.execute();
	return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** Changes that ended in [from, to) (actual end, else resolved or closed), by outcome. */
export async function changeOutcomeCounts(db: Executor, customerId: string, p: Span): Promise<CountRow[]> {
	const ended = sql<string>`coalesce(actual_end, resolved_at, closed_at)`;
	const rows = await db
		.selectFrom('tickets')
		.select(['change_outcome as key', sql<number>`count(*)`.as('count')])
		.where('customer_id', '=', customerId)
		.where('kind', '=', 'change')
		.where(ended, '>=', p.from)
		.where(ended, '<', p.to)
		.groupBy('change_outcome')
		.orderBy(sql`count(*)`, 'desc')
		.execute();
	return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** The SLA columns whose moment decides an outcome. */
export type SlaOutcomeColumn = 'resp_met_at' | 'resp_breach_at' | 'res_met_at' | 'res_breach_at';

/**
 * Tickets whose `column` lies in [from, to), of one priority or (without) of any of the five,
 * ordered by that moment: one page and the full count.
 */
export async function ticketsDecidedIn(
	db: Executor,
	customerId: string,
	q: { column: SlaOutcomeColumn; from: string; to: string; priority?: number; limit: number; offset: number }
) {
	const col = q.column;
	let query = db.selectFrom('tickets').where('customer_id', '=', customerId).where(col, '>=', q.from).where(col, '<', q.to);
	query = q.priority ? query.where('priority', '=', q.priority) : query.where('priority', 'in', [...PRIORITIES]);
	const [rows, total] = await Promise.all([
		query.selectAll().orderBy(col).orderBy('number').limit(q.limit).offset(q.offset).execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n) };
}
