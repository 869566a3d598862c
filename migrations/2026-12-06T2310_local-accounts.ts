/**
 * Local accounts (issue 17): invitations, password reset, two-factor sign-in
 * and the sessions page.
 *
 * - account_tokens: one-time links mailed to a person: an invitation (7 days)
 *   or a password reset (1 hour). `id` is the SHA-256 of the link's random
 *   token; the token itself is never stored in the clear. Used, revoked or
 *   expired rows answer like unknown ones.
 * - two_factor: a person's TOTP secret, sealed with SECRETS_KEY (AES-256-GCM);
 *   `enabled_at` null while enrolment waits for its first code; `last_step`
 *   is the last accepted 30-second step, so a code is never accepted twice.
 * - recovery_codes: ten one-time codes, only their SHA-256.
 * - login_challenges: the short-lived state between a correct password and
 *   the second factor (not a session); `id` is the SHA-256 of its cookie.
 * - sessions.user_agent: the device the sessions page shows.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();

	await db.schema
		.createTable('account_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// 'invitation' | 'reset'
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		// the person's customer (null: the supplier's staff), for the people page's list
		.addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
		.addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('account_tokens_person').on('account_tokens').columns(['person_id', 'kind']).execute();
	await db.schema.createIndex('account_tokens_customer').on('account_tokens').columns(['customer_id', 'kind']).execute();

	await db.schema
		.createTable('two_factor')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		.addColumn('secret_sealed', 'text', (c) => c.notNull())
		.addColumn('enabled_at', 'text')
		.addColumn('last_step', 'integer')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('recovery_codes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema.createIndex('recovery_codes_person').on('recovery_codes').columns(['person_id', 'code_hash']).execute();

	await db.schema
		.createTable('login_challenges')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('login_challenges').execute();
	await db.schema.dropTable('recovery_codes').execute();
	await db.schema.dropTable('two_factor').execute();
	await db.schema.dropTable('account_tokens').execute();
	await db.schema.alterTable('sessions').dropColumn('user_agent').execute();
}
