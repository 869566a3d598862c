/**
 * KPIs that are complete and fast (issue 14, points 5 and 7):
 *
 * - `resolution_hours`: open → resolved in hours, so MTTR's mean and exact
 *   median are computed in SQL (PostgreSQL percentile_cont; SQLite walks
 *   `tickets_mttr_idx` in duration order to the middle row) instead of every
 *   duration of the period read into JavaScript;
 * - `resolved_at` of resolved/closed tickets whose source has no resolved-at
 *   column (event logs such as BPI 2013): the last entry into resolved/closed
 *   of the status history, as the SLA engine already takes it;
 * - `reopened_at`: the last reopen (back from resolved/closed to an open
 *   status), so "reopened in the period" is an index count;
 * - `active`: the source's open/closed flag (ServiceNow `active`);
 * - the backlog at a period's end counts the tickets still open or done after
 *   it (`tickets_backlog_idx`), instead of every ticket opened before it.
 *
 * The backfill reads each ticket's stored history once, in pages; it repeats
 * the rules of sla-engine.ts (resolutionTime, reopenTime) as they are today,
 * because a migration means the same thing forever.
 *
 * Frozen once shipped; never import application code here.
 */
import { sql, type Kysely } from 'kysely';
import { float, isPostgres } from './lib/portable';

interface Step {
	at: string;
	status: string;
}
const solved = (s: string) => s === 'resolved' || s === 'closed';

/** last entry into resolved/closed of the (oldest-first) history */
function lastSolved(h: Step[]): string | null {
	for (let i = h.length - 1; i >= 0; i--) if (solved(h[i].status) && !(i > 0 && solved(h[i - 1].status))) return h[i].at;
	return null;
}

/** last move back from resolved/closed to an open status */
function lastReopen(h: Step[]): string | null {
	for (let i = h.length - 1; i > 0; i--) if (solved(h[i - 1].status) && !solved(h[i].status) && h[i].status !== 'cancelled') return h[i].at;
	return null;
}

const PAGE = 2000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('tickets').addColumn('reopened_at', 'text').execute();
	await db.schema.alterTable('tickets').addColumn('resolution_hours', float(db)).execute();
	await db.schema.alterTable('tickets').addColumn('active', 'integer').execute();

	let after = '';
	for (;;) {
		const rows: { id: string; status: string; resolved_at: string | null; closed_at: string | null; reopen_count: number; history: string }[] =
			await db
				.selectFrom('tickets')
				.select(['id', 'status', 'resolved_at', 'closed_at', 'reopen_count', 'history'])
				.where('id', '>', after)
				.orderBy('id')
				.limit(PAGE)
				.execute();
		if (rows.length === 0) break;
		after = rows[rows.length - 1].id;
		for (const r of rows) {
			const h = (JSON.parse(r.history) as Step[]).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
			const resolved = r.resolved_at ?? (solved(r.status) ? (lastSolved(h) ?? r.closed_at) : null);
			const reopened = lastReopen(h) ?? (Number(r.reopen_count) > 0 ? (resolved ?? h[h.length - 1]?.at ?? null) : null);
			const set: Record<string, string | null> = {};
			if (reopened !== null) set.reopened_at = reopened;
			if (resolved !== r.resolved_at) {
				set.resolved_at = resolved;
				// done_at follows resolved_at, as it always did when the source had it
				if (solved(r.status)) set.done_at = resolved;
			}
			if (Object.keys(set).length) await db.updateTable('tickets').set(set).where('id', '=', r.id).execute();
		}
	}
	const hours = isPostgres(db)
		? sql`extract(epoch from (resolved_at::timestamptz - opened_at::timestamptz)) / 3600.0`
		: sql`(julianday(resolved_at) - julianday(opened_at)) * 24.0`;
	await sql`update tickets set resolution_hours = ${hours} where resolved_at is not null`.execute(db);

	// MTTR per priority and overall, in duration order within a customer's incidents
	await db.schema.createIndex('tickets_mttr_idx').on('tickets').columns(['customer_id', 'kind', 'priority', 'resolution_hours', 'resolved_at']).execute();
	await db.schema.createIndex('tickets_mttr_all_idx').on('tickets').columns(['customer_id', 'kind', 'resolution_hours', 'resolved_at', 'priority']).execute();
	await db.schema.createIndex('tickets_reopened_idx').on('tickets').columns(['customer_id', 'reopened_at']).execute();
	// backlog at a period's end: tickets still open, and those done only after the end (short ranges for recent periods)
	await db.schema.dropIndex('tickets_done_idx').execute();
	await db.schema.createIndex('tickets_backlog_idx').on('tickets').columns(['customer_id', 'done_at', 'kind', 'opened_at']).execute();
	// the resolved-ticket KPIs stay index-only
	await db.schema.dropIndex('tickets_resolved_idx').execute();
	await db.schema
		.createIndex('tickets_resolved_idx')
		.on('tickets')
		.columns(['customer_id', 'resolved_at', 'kind', 'priority', 'resolution_hours', 'reopen_count', 'reassignment_count', 'satisfaction'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('tickets_resolved_idx').execute();
	await db.schema
		.createIndex('tickets_resolved_idx')
		.on('tickets')
		.columns(['customer_id', 'resolved_at', 'kind', 'priority', 'opened_at', 'reopen_count', 'reassignment_count', 'satisfaction'])
		.execute();
	for (const ix of ['tickets_mttr_idx', 'tickets_mttr_all_idx', 'tickets_reopened_idx', 'tickets_backlog_idx']) await db.schema.dropIndex(ix).execute();
	await db.schema.createIndex('tickets_done_idx').on('tickets').columns(['customer_id', 'done_at', 'kind']).execute();
	for (const col of ['reopened_at', 'resolution_hours', 'active']) await db.schema.alterTable('tickets').dropColumn(col).execute();
}
