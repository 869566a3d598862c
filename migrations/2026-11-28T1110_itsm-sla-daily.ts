/**
 * The daily SLA aggregate: SLA decisions per customer, UTC day, metric,
 * priority and source flag. A year's report reads ~365 rows per metric here,
 * plus the partial days at its edges from the covering indexes of `tickets`.
 * Rebuilt per customer whenever its tickets or SLA settings change.
 *
 * Frozen once shipped; never import application code here.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('sla_daily')
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// resp_met_at | resp_breach_at | res_met_at | res_breach_at
		.addColumn('metric', 'text', (c) => c.notNull())
		// yyyy-mm-dd (UTC)
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('priority', 'integer')
		.addColumn('flag', 'integer')
		.addColumn('n', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sla_daily_idx').on('sla_daily').columns(['customer_id', 'metric', 'day', 'priority', 'flag', 'n']).execute();

	// existing tickets (imported before this migration) get their aggregate here
	await sql`insert into sla_daily (customer_id, metric, day, priority, flag, n)
			select customer_id, 'resp_met_at', substr(resp_met_at, 1, 10), priority, cast(null as integer), count(*) from tickets where resp_met_at is not null group by customer_id, substr(resp_met_at, 1, 10), priority
			union all select customer_id, 'resp_breach_at', substr(resp_breach_at, 1, 10), priority, cast(null as integer), count(*) from tickets where resp_breach_at is not null group by customer_id, substr(resp_breach_at, 1, 10), priority
			union all select customer_id, 'res_met_at', substr(res_met_at, 1, 10), priority, source_sla_met, count(*) from tickets where res_met_at is not null group by customer_id, substr(res_met_at, 1, 10), priority, source_sla_met
			union all select customer_id, 'res_breach_at', substr(res_breach_at, 1, 10), priority, source_sla_met, count(*) from tickets where res_breach_at is not null group by customer_id, substr(res_breach_at, 1, 10), priority, source_sla_met`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('sla_daily').execute();
}
