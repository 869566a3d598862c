/** Ticket queries. Repository functions take the executor first so they work inside a transaction. */
import { sql, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { TicketsTable } from '$lib/server/db/itsm-schema';
import type { Database } from '$lib/server/db/schema';

export type TicketRow = TicketsTable;

/**
 * The stored tickets of one source as number → id and content hash, read in
 * pages along the natural-key index (customer, source, number) with `between`
 * awaited after each page: a re-import of 25,000 tickets is a dozen short
 * reads instead of one that holds the event loop for a quarter of a second.
 */
export async function ticketKeys(
	db: Executor,
	customerId: string,
	source: string,
	between: () => Promise<void> = async () => {}
): Promise<Map<string, { id: string; hash: string }>> {
	const keys = new Map<string, { id: string; hash: string }>();
	let after: string | null = null;
	for (;;) {
		let q = db
			.selectFrom('tickets')
			.select(['id', 'number', 'content_hash'])
			.where('customer_id', '=', customerId)
			.where('source', '=', source)
			.orderBy('number')
			.limit(KEY_PAGE);
		if (after !== null) q = q.where('number', '>', after);
		const rows = await q.execute();
		for (const r of rows) keys.set(r.number, { id: r.id, hash: r.content_hash });
		if (rows.length < KEY_PAGE) return keys;
		after = rows[rows.length - 1].number;
		await between();
	}
}

const KEY_PAGE = 2_000;

/** Tickets per multi-row insert statement. */
// Small enough that one statement (a row plus every covering index it feeds)
// stays well under the import's ~50 ms bound on the event loop.
export const INSERT_BATCH = 50;

/** Multi-row inserts: one statement per INSERT_BATCH tickets instead of one each. */
export async function insertTickets(db: Executor, rows: TicketRow[]): Promise<void> {
	for (let i = 0; i < rows.length; i += INSERT_BATCH) await db.insertInto('tickets').values(rows.slice(i, i + INSERT_BATCH)).execute();
}

export async function updateTicket(db: Executor, id: string, row: Omit<TicketRow, 'id' | 'created_at' | 'customer_id'>): Promise<void> {
	await db.updateTable('tickets').set(row).where('id', '=', id).execute();
}

/**
 * Removes the customer's tickets of `source` whose source id (ServiceNow
 * sys_id, Jira issue id) is one of `sourceIds`; their CAB polls and votes go
 * with them (on delete cascade). Returns what was removed.
 */
export async function removeTicketsBySourceId(db: Executor, customerId: string, source: string, sourceIds: string[]): Promise<{ id: string; number: string }[]> {
	const removed: { id: string; number: string }[] = [];
	for (let i = 0; i < sourceIds.length; i += INSERT_BATCH) {
		const ids = sourceIds.slice(i, i + INSERT_BATCH);
		const rows = await db.selectFrom('tickets').select(['id', 'number']).where('customer_id', '=', customerId).where('source', '=', source).where('source_id', 'in', ids).execute();
		if (rows.length === 0) continue;
		await db.deleteFrom('tickets').where('id', 'in', rows.map((r) => r.id)).execute();
		removed.push(...rows);
	}
	return removed;
}

export interface TicketQuery {
	customerId: string;
	kind?: string;
	priority?: number;
	/** opened at or after (ISO) */
	from?: string;
	/** opened before (ISO) */
	to?: string;
	status?: string;
	limit: number;
	offset: number;
}

export async function listTickets(db: Executor, q: TicketQuery) {
	let query = db.selectFrom('tickets').where('customer_id', '=', q.customerId);
	if (q.kind) query = query.where('kind', '=', q.kind);
	if (q.priority) query = query.where('priority', '=', q.priority);
	if (q.status) query = query.where('status', '=', q.status);
	if (q.from) query = query.where('opened_at', '>=', q.from);
	if (q.to) query = query.where('opened_at', '<', q.to);
	const [rows, total] = await Promise.all([
		query.selectAll().orderBy('opened_at', 'desc').orderBy('number').limit(q.limit).offset(q.offset).execute(),
		query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(total.n) };
}

export async function findTicket(db: Executor, customerId: string, id: string) {
	return db.selectFrom('tickets').selectAll().where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst();
}

/** Every ticket of a customer, in pages, for recomputing SLA outcomes after a settings change. */
export async function ticketPage(db: Executor, customerId: string, afterId: string, limit: number) {
	return db.selectFrom('tickets').selectAll().where('customer_id', '=', customerId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export async function setSlaColumns(
	db: Executor,
	id: string,
	cols: Pick<TicketRow, 'resp_met_at' | 'resp_breach_at' | 'res_met_at' | 'res_breach_at'>
): Promise<void> {
	await db.updateTable('tickets').set(cols).where('id', '=', id).execute();
}

/** A filter on `tickets` built by a domain rule (escalations.ts). */
export type TicketFilter = (eb: ExpressionBuilder<Database, 'tickets'>) => ExpressionWrapper<Database, 'tickets', SqlBool>;

const LINE_COLUMNS = ['id', 'number', 'title', 'priority', 'opened_at', 'resolved_at', 'status', 'major_incident', 'res_breach_at'] as const;

/** A list of tickets behind a figure: the full count and the first `limit` of them (by priority, then opened). */
export async function countAndFirstTickets(db: Executor, customerId: string, filter: TicketFilter, limit: number) {
	const base = db.selectFrom('tickets').where('customer_id', '=', customerId).where(filter);
	const [count, rows] = await Promise.all([
		base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
		base.select(LINE_COLUMNS).orderBy('priority').orderBy('opened_at').orderBy('number').limit(limit).execute()
	]);
	return { total: Number(count.n), rows };
}

/**
 * Tickets whose resolution outcome was decided in [from, to) — met before `to`, breached before
 * `breachTo` — and on which the source's SLA flag says the opposite; oldest first.
 */
export async function slaFlagDisagreements(db: Executor, customerId: string, from: string, to: string, breachTo: string, limit: number) {
	return db
		.selectFrom('tickets')
		.select(['id', 'number', 'priority', 'title', 'res_met_at', 'res_breach_at', 'source_sla_met', 'opened_at', 'resolved_at'])
		.where('customer_id', '=', customerId)
		.where((eb) =>
			eb.or([
				eb.and([eb('res_met_at', '>=', from), eb('res_met_at', '<', to), eb('source_sla_met', '=', 0)]),
				eb.and([eb('res_breach_at', '>=', from), eb('res_breach_at', '<', breachTo), eb('source_sla_met', '=', 1)])
			])
		)
		.orderBy('opened_at')
		.limit(limit)
		.execute();
}

/** Changes ended in [from, to) (actual end, else closed or resolved), counted per change type and outcome. tickets_change_idx covers this. */
export const changeCountsByTypeAndOutcome = (db: Executor, customerId: string, from: string, to: string) =>
	db
		.selectFrom('tickets')
		.select(['change_type', 'change_outcome', sql<number>`count(*)`.as('n')])
		.where('customer_id', '=', customerId)
		.where('kind', '=', 'change')
		.where(sql`coalesce(actual_end, closed_at, resolved_at)`, '>=', from)
		.where(sql`coalesce(actual_end, closed_at, resolved_at)`, '<', to)
		.groupBy(['change_type', 'change_outcome'])
		.execute();
