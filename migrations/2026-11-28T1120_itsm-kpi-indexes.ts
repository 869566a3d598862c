/**
 * Covering indexes for the KPI report (the benchmark's one-year KPI report over
 * a million tickets spent its time in table lookups), and `done_at`: when a
 * ticket became resolved, closed or cancelled, so the backlog at a period's
 * end is two index counts (opened before it − done before it).
 *
 * Frozen once shipped; never import application code here.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('tickets').addColumn('done_at', 'text').execute();
	await sql`update tickets set done_at = coalesce(resolved_at, closed_at, opened_at) where status in ('resolved', 'closed', 'cancelled')`.execute(db);
	await db.schema.createIndex('tickets_done_idx').on('tickets').columns(['customer_id', 'done_at', 'kind']).execute();
	// MTTR and the resolved-ticket KPIs read only these columns
	await db.schema.dropIndex('tickets_resolved_idx').execute();
	await db.schema
		.createIndex('tickets_resolved_idx')
		.on('tickets')
		.columns(['customer_id', 'resolved_at', 'kind', 'priority', 'opened_at', 'reopen_count', 'reassignment_count', 'satisfaction'])
		.execute();
	// new tickets and major incidents per period
	await db.schema.dropIndex('tickets_opened_idx').execute();
	await db.schema.createIndex('tickets_opened_idx').on('tickets').columns(['customer_id', 'opened_at', 'kind', 'priority', 'major_incident']).execute();
	await db.schema
		.createIndex('tickets_change_idx')
		.on('tickets')
		.columns(['customer_id', 'kind', 'actual_end', 'closed_at', 'resolved_at', 'change_type', 'change_outcome'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('tickets_change_idx').execute();
	await db.schema.dropIndex('tickets_opened_idx').execute();
	await db.schema.createIndex('tickets_opened_idx').on('tickets').columns(['customer_id', 'opened_at', 'kind', 'priority']).execute();
	await db.schema.dropIndex('tickets_resolved_idx').execute();
	await db.schema.createIndex('tickets_resolved_idx').on('tickets').columns(['customer_id', 'resolved_at', 'kind', 'priority']).execute();
	await db.schema.dropIndex('tickets_done_idx').execute();
	await db.schema.alterTable('tickets').dropColumn('done_at').execute();
}
