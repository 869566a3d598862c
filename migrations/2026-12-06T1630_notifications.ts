/**
 * Notifications (issue 16): a transactional outbox, people's choices per kind
 * of notification, and the customer admin's defaults for their people.
 *
 * - notification_outbox: one row per (event, recipient, channel), written in
 *   the transaction of the event that causes it; `idempotency_key` is unique,
 *   so an event recorded twice (two instances, a retry) queues one row. The
 *   delivery worker claims due rows with a lease (lease_owner, lease_until),
 *   sends, and marks them sent; a failure sets next_attempt_at by backoff, and
 *   after the last attempt the row is 'dead' for an admin to resend. In-app
 *   rows (channel 'inapp') are the bell's list: read_at marks them read.
 * - notification_preferences: a person's choice per kind ('email' now,
 *   'digest' daily, 'inapp' only).
 * - notification_defaults: a customer admin's choice for their people.
 * - notification_settings: the language a person's mail is written in.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('notification_outbox')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull())
		// the meeting's (or action's) customer; null only for supplier-internal events
		.addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		// 'email' | 'inapp'
		.addColumn('channel', 'text', (c) => c.notNull())
		// JSON: what the mail and the bell say (ids, titles, changes), fixed when the event happened
		.addColumn('payload', 'text', (c) => c.notNull())
		// 'pending' | 'digest' | 'sent' | 'kept' | 'dead'
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('lease_owner', 'text')
		.addColumn('lease_until', 'text')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.addColumn('read_at', 'text')
		.execute();
	await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'next_attempt_at']).execute();
	await db.schema.createIndex('notification_outbox_person').on('notification_outbox').columns(['person_id', 'channel', 'created_at']).execute();
	await db.schema.createIndex('notification_outbox_customer').on('notification_outbox').columns(['customer_id', 'created_at']).execute();

	await db.schema
		.createTable('notification_preferences')
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		// 'email' | 'digest' | 'inapp'
		.addColumn('mode', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'kind'])
		.execute();

	await db.schema
		.createTable('notification_defaults')
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('mode', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('notification_defaults_pk', ['customer_id', 'kind'])
		.execute();

	await db.schema
		.createTable('notification_settings')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		// 'sv' | 'en'
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['notification_settings', 'notification_defaults', 'notification_preferences', 'notification_outbox']) await db.schema.dropTable(t).execute();
}
