/**
 * The agreement per customer and the supplier's invoicing (issue 22):
 *
 * - `agreement_services`: a service the customer buys (name, service area,
 *   unit); what is agreed about it lives in its terms;
 * - `agreement_amendments`: a dated change of the agreement (the first
 *   agreement, a call-off (avrop), a volume or price change, a new or ended
 *   service), with who, why and the month it takes effect; optionally the
 *   proposal it accepts and the meeting decision it carries out;
 * - `agreement_terms`: per service, what applies from a month on (volume,
 *   unit price in öre, the SLA targets that apply, active or ended), one row
 *   per amendment that touched the service; the row with the latest
 *   `effective_from` not after a month is what applies to that month, so an
 *   amendment never changes the months before its date;
 * - `agreement_proposals`: the customer's contract owner's change proposal,
 *   which the supplier accepts (becoming an amendment) or declines;
 * - `agreement_settings`: the tolerance of the follow-up, in basis points;
 * - `invoice_lines`: one line per invoice, period (yyyy-mm) and service,
 *   amounts in öre (bigint); a re-import replaces the line with the same key;
 * - `invoice_imports`: the import history, with the report.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('agreement_services')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		// lower-cased, trimmed name: invoice lines find their service by it
		.addColumn('name_key', 'text', (c) => c.notNull())
		.addColumn('service_area', 'text', (c) => c.notNull())
		// per_user | per_server | per_device | per_month | per_hour | per_item
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('agreement_services_name').on('agreement_services').columns(['customer_id', 'name_key']).unique().execute();

	await db.schema
		.createTable('agreement_amendments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// initial | call_off | volume_change | price_change | new_service | end_service | other
		.addColumn('kind', 'text', (c) => c.notNull())
		// yyyy-mm: the first month it applies to
		.addColumn('effective_from', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('made_by', 'text', (c) => c.references('people.id'))
		.addColumn('made_at', 'text', (c) => c.notNull())
		.addColumn('proposal_id', 'text')
		// the decision (decisions.id, from the minutes) and its meeting that caused it
		.addColumn('decision_id', 'text')
		.addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('agreement_amendments_customer').on('agreement_amendments').columns(['customer_id', 'effective_from']).execute();
	await db.schema.createIndex('agreement_amendments_decision').on('agreement_amendments').column('decision_id').execute();

	await db.schema
		.createTable('agreement_terms')
		.addColumn('service_id', 'text', (c) => c.notNull().references('agreement_services.id').onDelete('cascade'))
		.addColumn('effective_from', 'text', (c) => c.notNull())
		.addColumn('amendment_id', 'text', (c) => c.notNull().references('agreement_amendments.id').onDelete('cascade'))
		.addColumn('volume', 'integer', (c) => c.notNull())
		.addColumn('unit_price_ore', 'bigint', (c) => c.notNull())
		// JSON array of the SLA targets that apply, as text ("P1 lösning inom 4 h")
		.addColumn('sla_targets', 'text', (c) => c.notNull().defaultTo('[]'))
		// 0: the service ends from this month on
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('agreement_terms_pk', ['service_id', 'effective_from'])
		.execute();

	await db.schema
		.createTable('agreement_proposals')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// the change asked for, as JSON (the same shape as an amendment's change)
		.addColumn('change', 'text', (c) => c.notNull())
		.addColumn('effective_from', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('proposed_by', 'text', (c) => c.references('people.id'))
		.addColumn('proposed_at', 'text', (c) => c.notNull())
		// proposed | accepted | declined
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'text', (c) => c.references('people.id'))
		.addColumn('decided_at', 'text')
		.addColumn('decision_note', 'text')
		.addColumn('amendment_id', 'text')
		.execute();
	await db.schema.createIndex('agreement_proposals_customer').on('agreement_proposals').columns(['customer_id', 'status']).execute();

	await db.schema
		.createTable('agreement_settings')
		.addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
		.addColumn('tolerance_bp', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.references('people.id'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('invoice_imports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('imported_by', 'text', (c) => c.references('people.id'))
		.addColumn('file_name', 'text')
		.addColumn('report', 'text', (c) => c.notNull())
		.addColumn('imported_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('invoice_imports_customer').on('invoice_imports').columns(['customer_id', 'imported_at']).execute();

	await db.schema
		.createTable('invoice_lines')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// yyyy-mm
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('invoice_number', 'text', (c) => c.notNull())
		.addColumn('service_id', 'text', (c) => c.notNull().references('agreement_services.id').onDelete('cascade'))
		.addColumn('quantity', 'integer', (c) => c.notNull())
		.addColumn('unit_price_ore', 'bigint', (c) => c.notNull())
		.addColumn('amount_ore', 'bigint', (c) => c.notNull())
		.addColumn('import_id', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('invoice_lines_key').on('invoice_lines').columns(['customer_id', 'invoice_number', 'period', 'service_id']).unique().execute();
	await db.schema.createIndex('invoice_lines_period').on('invoice_lines').columns(['customer_id', 'period']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['invoice_lines', 'invoice_imports', 'agreement_settings', 'agreement_proposals', 'agreement_terms', 'agreement_amendments', 'agreement_services'])
		await db.schema.dropTable(t).execute();
}
