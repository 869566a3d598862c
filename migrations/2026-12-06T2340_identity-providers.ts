/**
 * Sign-in with the organisation's own identity provider (issue 17, OpenID Connect).
 *
 * - identity_providers: one per organisation (org_key 'supplier' or the
 *   customer's id): issuer, client id, the client secret sealed with
 *   SECRETS_KEY, just-in-time creation and its access level, an optional
 *   groups claim and its mapping (JSON [{ group, access }]), and whether the
 *   customer's people may still sign in with a password.
 * - identity_provider_domains: the e-mail domains an organisation's provider
 *   answers for (home-realm discovery); a domain belongs to one organisation.
 * - identity_links: (issuer, subject) → person, made at the first sign-in.
 * - oidc_sign_ins: a sign-in under way (the digest of its state, the PKCE
 *   verifier, the nonce), used once and for 10 minutes at most.
 * - sessions.auth_method: how the session's person signed in ('password' | 'oidc').
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('identity_providers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// 'supplier' or the customer's id: one provider per organisation
		.addColumn('org_key', 'text', (c) => c.notNull().unique())
		.addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('client_id', 'text', (c) => c.notNull())
		.addColumn('client_secret_sealed', 'text', (c) => c.notNull())
		.addColumn('jit_enabled', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('jit_access', 'text', (c) => c.notNull())
		.addColumn('groups_claim', 'text')
		// JSON [{ group, access }]
		.addColumn('group_access', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('password_sign_in', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('identity_provider_domains')
		.addColumn('domain', 'text', (c) => c.primaryKey())
		.addColumn('provider_id', 'text', (c) => c.notNull().references('identity_providers.id').onDelete('cascade'))
		.execute();
	await db.schema.createIndex('identity_provider_domains_provider').on('identity_provider_domains').column('provider_id').execute();

	await db.schema
		.createTable('identity_links')
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('provider_id', 'text', (c) => c.notNull().references('identity_providers.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('identity_links_pk', ['issuer', 'subject'])
		.execute();
	await db.schema.createIndex('identity_links_person').on('identity_links').column('person_id').execute();

	await db.schema
		.createTable('oidc_sign_ins')
		// SHA-256 of the state
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('provider_id', 'text', (c) => c.notNull().references('identity_providers.id').onDelete('cascade'))
		.addColumn('code_verifier', 'text', (c) => c.notNull())
		.addColumn('nonce', 'text', (c) => c.notNull())
		.addColumn('next', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema.alterTable('sessions').addColumn('auth_method', 'text').execute();
}
