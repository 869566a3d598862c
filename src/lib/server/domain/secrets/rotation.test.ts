/**
 * Rotating SECRETS_KEY (rotation.ts): every sealed value at rest is
 * sealed anew under the new key, or, if any cannot be opened, nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CLIENT_SECRET, SecretBox } from '$lib/server/crypto/secret-box';
import type { Db } from '$lib/server/db';
import { memoryDbForEachTest } from '$lib/server/db/test/memory-db';
import { CONNECTOR_SECRET } from '../itsm/sync/connectors.service';
import { resealSecrets, SecretsRotationFailed } from './rotation';
import { purposeOf } from '../tenancy/totp';

const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);
const STRANGER = 'c'.repeat(64);
const at = '2026-12-07T12:00:00.000Z';

let db: Db;
memoryDbForEachTest((fresh) => (db = fresh));

/** One stored value of each kind, sealed under `key`; the rows' other tables are beside the point. */
async function store(key: string, { mailStatus = 'pending', mailKey = key } = {}) {
	const old = SecretBox.fromKeyText(key);
	await sql`pragma foreign_keys = off`.execute(db);
	await db.insertInto('two_factor').values({ person_id: 'p1', secret_sealed: old.seal('JBSWY3DPEHPK3PXP', purposeOf('p1')), enabled_at: at, last_step: null, updated_at: at }).execute();
	await db
		.insertInto('identity_providers')
		.values({ id: 'idp1', org_key: 'supplier', customer_id: null, issuer: 'https://id.example', client_id: 'samverkan', client_secret_sealed: old.seal('idp-secret', CLIENT_SECRET), jit_enabled: 0, jit_access: 'none', groups_claim: null, group_access: '[]', password_sign_in: 1, created_at: at, updated_at: at })
		.execute();
	await db
		.insertInto('ticket_connectors')
		.values({ id: 'c1', customer_id: 'k1', kind: 'servicenow', base_url: 'https://sn.example', auth: 'basic', username: 'sync', secret_sealed: old.seal('sn-password', CONNECTOR_SECRET), query: '', tables: '["incident"]', value_mode: 'raw', interval_minutes: 15, enabled: 1, watermark_ms: null, next_run_at: at, requested_at: null, last_run_at: null, last_status: null, last_error: null, created_at: at, updated_at: at })
		.execute();
	const link = SecretBox.fromKeyText(mailKey).seal('/invite/token123', 'account-mail-link');
	await db
		.insertInto('notification_outbox')
		.values({ id: 'm1', idempotency_key: 'm1', kind: 'account.invitation', customer_id: null, person_id: 'p1', channel: 'email', payload: JSON.stringify({ sealedPath: link, personName: 'Eva', organisation: 'Norrby', expiresAt: at }), status: mailStatus as 'pending', attempts: 0, next_attempt_at: at, lease_owner: null, lease_until: null, last_error: null, created_at: at, sent_at: null, read_at: null })
		.execute();
}

async function stored() {
	const [tf, idp, conn, mail] = await Promise.all([
		db.selectFrom('two_factor').select('secret_sealed').executeTakeFirstOrThrow(),
		db.selectFrom('identity_providers').select('client_secret_sealed').executeTakeFirstOrThrow(),
		db.selectFrom('ticket_connectors').select('secret_sealed').executeTakeFirstOrThrow(),
		db.selectFrom('notification_outbox').select('payload').executeTakeFirstOrThrow()
	]);
	return { tf: tf.secret_sealed, idp: idp.client_secret_sealed, conn: conn.secret_sealed, link: (JSON.parse(mail.payload) as { sealedPath: string }).sealedPath };
}

describe('resealSecrets', () => {
	it('seals every stored secret anew under the new key: the old key no longer opens them, the new one alone does', async () => {
		await store(OLD);
		const report = await resealSecrets(db, SecretBox.fromKeyText(NEW, [OLD]));
		expect(report).toEqual({ twoFactorSecrets: 1, identityProviderSecrets: 1, connectorSecrets: 1, accountMailLinks: 1, accountMailLinksLeft: 0 });
		const after = await stored();
		const onlyNew = SecretBox.fromKeyText(NEW);
		expect(onlyNew.open(after.tf, purposeOf('p1'))).toBe('JBSWY3DPEHPK3PXP');
		expect(onlyNew.open(after.idp, CLIENT_SECRET)).toBe('idp-secret');
		expect(onlyNew.open(after.conn, CONNECTOR_SECRET)).toBe('sn-password');
		expect(onlyNew.open(after.link, 'account-mail-link')).toBe('/invite/token123');
		expect(SecretBox.fromKeyText(OLD).open(after.tf, purposeOf('p1'))).toBeNull();
	});

	it('changes nothing and names each value when one of them opens with none of the keys', async () => {
		await store(OLD, { mailKey: STRANGER });
		const before = await stored();
		const failure = await resealSecrets(db, SecretBox.fromKeyText(NEW, [OLD])).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(SecretsRotationFailed);
		expect((failure as SecretsRotationFailed).unopened).toEqual(['link of account mail m1 (pending)']);
		expect(await stored()).toEqual(before);
	});

	it('leaves the link of a mail already sent when no key opens it', async () => {
		await store(OLD, { mailKey: STRANGER, mailStatus: 'sent' });
		const report = await resealSecrets(db, SecretBox.fromKeyText(NEW, [OLD]));
		expect(report.accountMailLinksLeft).toBe(1);
		expect(report.twoFactorSecrets).toBe(1);
	});

	it('stops at the link of a mail that failed, which an admin may still resend', async () => {
		await store(OLD, { mailKey: STRANGER, mailStatus: 'dead' });
		const failure = await resealSecrets(db, SecretBox.fromKeyText(NEW, [OLD])).catch((e: unknown) => e);
		expect((failure as SecretsRotationFailed).unopened).toEqual(['link of account mail m1 (dead)']);
	});
});
