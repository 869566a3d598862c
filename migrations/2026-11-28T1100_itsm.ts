/**
 * ITSM data: tickets per customer (one row per ticket, status history as JSON),
 * imports and their reports, saved column mappings, API tokens, SLA settings,
 * KPI targets and manual KPI values.
 *
 * Frozen once shipped; never import application code here. Portable types only:
 * text ids, ISO-8601 UTC text timestamps, JSON as text, integers and reals.
 *
 * The SLA outcome of every ticket is stored with it (`*_met_at`, `*_breach_at`),
 * computed when the ticket or the customer's SLA settings change, so a period's
 * compliance is an indexed range scan plus GROUP BY, not a replay of histories.
 */
import type { Kysely } from 'kysely';
import { float } from './lib/portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('tickets')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// e.g. servicenow, jira, api; with number the natural key of an upsert
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text')
		.addColumn('number', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text')
		.addColumn('status_raw', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('priority_raw', 'text')
		.addColumn('priority', 'integer')
		.addColumn('impact', 'text')
		.addColumn('urgency', 'text')
		.addColumn('category', 'text')
		.addColumn('service', 'text')
		.addColumn('channel', 'text')
		.addColumn('assignment_group', 'text')
		.addColumn('opened_at', 'text', (c) => c.notNull())
		.addColumn('first_response_at', 'text')
		.addColumn('resolved_at', 'text')
		.addColumn('closed_at', 'text')
		.addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reassignment_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('major_incident', 'integer', (c) => c.notNull().defaultTo(0))
		// the source system's own SLA flag: 1 met, 0 breached, null unknown
		.addColumn('source_sla_met', 'integer')
		.addColumn('satisfaction', float(db))
		.addColumn('change_type', 'text')
		.addColumn('change_risk', 'text')
		.addColumn('cab_required', 'integer')
		.addColumn('planned_start', 'text')
		.addColumn('planned_end', 'text')
		.addColumn('actual_start', 'text')
		.addColumn('actual_end', 'text')
		.addColumn('change_outcome', 'text')
		// JSON [{at, status, statusRaw, priority}], oldest first
		.addColumn('history', 'text', (c) => c.notNull())
		// hash of the imported content: a re-import of the same data changes nothing
		.addColumn('content_hash', 'text', (c) => c.notNull())
		// SLA outcome per metric: when it was met, or when it breached (sticky)
		.addColumn('resp_met_at', 'text')
		.addColumn('resp_breach_at', 'text')
		.addColumn('res_met_at', 'text')
		.addColumn('res_breach_at', 'text')
		.addColumn('import_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('tickets_natural_key').unique().on('tickets').columns(['customer_id', 'source', 'number']).execute();
	// covering indexes for the reports: a period is a range on one time column, grouped by priority
	await db.schema.createIndex('tickets_opened_idx').on('tickets').columns(['customer_id', 'opened_at', 'kind', 'priority']).execute();
	await db.schema.createIndex('tickets_resolved_idx').on('tickets').columns(['customer_id', 'resolved_at', 'kind', 'priority']).execute();
	for (const col of ['resp_met_at', 'resp_breach_at']) {
		await db.schema.createIndex(`tickets_${col}_idx`).on('tickets').columns(['customer_id', col, 'priority']).execute();
	}
	// the source's own SLA flag rides along, so "where do we disagree" needs no table lookups
	for (const col of ['res_met_at', 'res_breach_at']) {
		await db.schema.createIndex(`tickets_${col}_idx`).on('tickets').columns(['customer_id', col, 'priority', 'source_sla_met']).execute();
	}

	await db.schema
		.createTable('ticket_imports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('actor_name', 'text')
		.addColumn('preset', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text')
		.addColumn('rows_read', 'integer', (c) => c.notNull())
		.addColumn('created', 'integer', (c) => c.notNull())
		.addColumn('updated', 'integer', (c) => c.notNull())
		.addColumn('unchanged', 'integer', (c) => c.notNull())
		.addColumn('rejected', 'integer', (c) => c.notNull())
		// JSON: the whole report, rejected rows included
		.addColumn('report', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('ticket_imports_customer_idx').on('ticket_imports').columns(['customer_id', 'at']).execute();

	await db.schema
		.createTable('import_mappings')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('mapping', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('import_mappings_name').unique().on('import_mappings').columns(['customer_id', 'name']).execute();

	await db.schema
		.createTable('api_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		// SHA-256 of the secret; the secret itself is shown once and never stored
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('scopes', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('api_tokens_customer_idx').on('api_tokens').column('customer_id').execute();

	await db.schema
		.createTable('itsm_settings')
		.addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
		.addColumn('time_zone', 'text', (c) => c.notNull())
		// JSON: per ISO weekday 1..7 [startMinute, endMinute] or null
		.addColumn('business_hours', 'text', (c) => c.notNull())
		// holiday country code for date-holidays (SE), or null for none
		.addColumn('holidays', 'text')
		// JSON: raw status names that pause the resolution clock
		.addColumn('pause_statuses', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sla_definitions')
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('priority', 'integer', (c) => c.notNull())
		.addColumn('response_minutes', 'integer')
		.addColumn('resolution_minutes', 'integer')
		// business | 24x7
		.addColumn('calendar', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('sla_definitions_pk', ['customer_id', 'priority'])
		.execute();

	await db.schema
		.createTable('kpi_targets')
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('kpi', 'text', (c) => c.notNull())
		// green when at least (or at most, for lower-is-better KPIs) target; amber up to amber
		.addColumn('target', float(db), (c) => c.notNull())
		.addColumn('amber', float(db), (c) => c.notNull())
		.addColumn('higher_is_better', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('kpi_targets_pk', ['customer_id', 'kpi'])
		.execute();

	await db.schema
		.createTable('manual_kpis')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('kpi', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		// the period the value is about, as ISO dates (yyyy-mm-dd), end exclusive
		.addColumn('period_from', 'text', (c) => c.notNull())
		.addColumn('period_to', 'text', (c) => c.notNull())
		.addColumn('value', float(db), (c) => c.notNull())
		.addColumn('unit', 'text')
		.addColumn('note', 'text')
		.addColumn('entered_by', 'text')
		.addColumn('entered_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('manual_kpis_period').unique().on('manual_kpis').columns(['customer_id', 'kpi', 'period_from', 'period_to']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['manual_kpis', 'kpi_targets', 'sla_definitions', 'itsm_settings', 'api_tokens', 'import_mappings', 'ticket_imports', 'tickets']) {
		await db.schema.dropTable(t).execute();
	}
}
