/**
 * Foundation schema: tenancy, accounts, role catalogue, forum templates,
 * forums, duties, meetings and the audit log.
 *
 * Frozen once shipped. Never import application code here: a migration must
 * mean the same thing forever. Column vocabulary is kept portable between
 * SQLite and PostgreSQL: ids are text (UUIDs), timestamps are ISO-8601 UTC
 * text, structured values are JSON text.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('supplier')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('customers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('org_number', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('customers_name_uq').on('customers').column('name').unique().execute();

	await db.schema
		.createTable('people')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// null = the supplier's own staff
		.addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('phone', 'text')
		.addColumn('title', 'text')
		.addColumn('access', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('people_email_uq').on('people').column('email').unique().execute();
	await db.schema.createIndex('people_customer_idx').on('people').column('customer_id').execute();

	await db.schema
		.createTable('accounts')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('disabled_at', 'text')
		.addColumn('last_login_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sessions')
		// SHA-256 of the cookie token: a leaked database does not leak live sessions
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_person_idx').on('sessions').column('person_id').execute();

	await db.schema
		.createTable('roles')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('party', 'text', (c) => c.notNull())
		.addColumn('name_sv', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('description_sv', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('roles_key_uq').on('roles').columns(['party', 'key']).unique().execute();

	await db.schema
		.createTable('role_assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('role_id', 'text', (c) => c.notNull().references('roles.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('role_assignments_uq')
		.on('role_assignments')
		.columns(['customer_id', 'person_id', 'role_id'])
		.unique()
		.execute();

	await db.schema
		.createTable('forum_templates')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('level', 'text', (c) => c.notNull())
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		// JSON: names, purpose, cadence, tasks, agenda, participants, duties (both languages)
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('forums')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('template_id', 'text', (c) => c.references('forum_templates.id').onDelete('set null'))
		.addColumn('level', 'text', (c) => c.notNull())
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('name_sv', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		// JSON copy of the template content, then edited per forum
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('cadence_min_per_year', 'integer')
		.addColumn('cadence_max_per_year', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('forums_customer_idx').on('forums').column('customer_id').execute();

	await db.schema
		.createTable('forum_members')
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('role_id', 'text', (c) => c.references('roles.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('forum_members_pk', ['forum_id', 'person_id'])
		.execute();
	await db.schema.createIndex('forum_members_person_idx').on('forum_members').column('person_id').execute();

	await db.schema
		.createTable('forum_duties')
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
		.addColumn('duty', 'text', (c) => c.notNull())
		.addColumn('party', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('forum_duties_pk', ['forum_id', 'duty'])
		.execute();

	await db.schema
		.createTable('meetings')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
		// denormalised so that every tenant filter is one column away
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('location', 'text')
		.addColumn('video_url', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('meetings_forum_idx').on('meetings').columns(['forum_id', 'starts_at']).execute();
	await db.schema.createIndex('meetings_customer_idx').on('meetings').columns(['customer_id', 'starts_at']).execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('actor_name', 'text')
		.addColumn('customer_id', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('before', 'text')
		.addColumn('after', 'text')
		.execute();
	await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
	await db.schema.createIndex('audit_log_customer_idx').on('audit_log').columns(['customer_id', 'at']).execute();

}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'audit_log',
		'meetings',
		'forum_duties',
		'forum_members',
		'forums',
		'forum_templates',
		'role_assignments',
		'roles',
		'sessions',
		'accounts',
		'people',
		'customers',
		'supplier'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
