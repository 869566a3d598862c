/**
 * Tickets pulled in by themselves (issue 21): connectors to ServiceNow and
 * Jira Service Management, their runs, and a lease that works across
 * instances.
 *
 * - ticket_connectors: one per customer and source kind ('servicenow' |
 *   'jira'): base URL, how it signs in (basic, oauth or token), the user
 *   name / client id / e-mail, the secret sealed with SECRETS_KEY, the query
 *   that selects this customer's tickets, the tables or issue types, the
 *   schedule in minutes, the watermark (the source's updated time of the last
 *   run, epoch ms), when the next run is due and whether one was asked for.
 * - ticket_sync_runs: one row per run with its figures and its error in words.
 * - worker_leases: a named lease (owner, expiry), claimed atomically with one
 *   upsert: whoever holds an unexpired lease runs the work, any instance takes
 *   it over once it ran out (a killed instance).
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('ticket_connectors')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('base_url', 'text', (c) => c.notNull())
		.addColumn('auth', 'text', (c) => c.notNull())
		.addColumn('username', 'text', (c) => c.notNull())
		.addColumn('secret_sealed', 'text', (c) => c.notNull())
		.addColumn('query', 'text', (c) => c.notNull().defaultTo(''))
		// JSON list: ServiceNow tables or Jira issue types
		.addColumn('tables', 'text', (c) => c.notNull().defaultTo('[]'))
		// ServiceNow: 'raw' (sysparm_display_value=false) or 'display'
		.addColumn('value_mode', 'text', (c) => c.notNull().defaultTo('raw'))
		.addColumn('interval_minutes', 'integer', (c) => c.notNull().defaultTo(15))
		.addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('watermark_ms', 'bigint')
		.addColumn('next_run_at', 'text', (c) => c.notNull())
		.addColumn('requested_at', 'text')
		.addColumn('last_run_at', 'text')
		.addColumn('last_status', 'text')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('ticket_connectors_customer_kind', ['customer_id', 'kind'])
		.execute();
	await db.schema.createIndex('ticket_connectors_due').on('ticket_connectors').columns(['enabled', 'next_run_at']).execute();

	await db.schema
		.createTable('ticket_sync_runs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('connector_id', 'text', (c) => c.notNull().references('ticket_connectors.id').onDelete('cascade'))
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// 'schedule' | 'manual'
		.addColumn('trigger', 'text', (c) => c.notNull())
		// 'running' | 'ok' | 'failed' | 'interrupted'
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('retries', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('fetched', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('error', 'text')
		.addColumn('watermark_from_ms', 'bigint')
		.addColumn('watermark_to_ms', 'bigint')
		.execute();
	await db.schema.createIndex('ticket_sync_runs_connector').on('ticket_sync_runs').columns(['connector_id', 'started_at']).execute();

	await db.schema
		.createTable('worker_leases')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('owner', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
}
