/**
 * Key rotation of the secrets kept at rest (crypto/secret-box.ts): every
 * stored sealed value is opened with the keys the box knows and sealed anew
 * under its sealing key, in one transaction. Afterwards the old key can be
 * taken out of SECRETS_KEY_PREVIOUS (docs/deployment.md).
 *
 * A value none of the keys opens stops the rotation and changes nothing: the
 * report names every one of them, so the operator can add the missing key.
 * The one exception is the link of an account mail already sent: nobody will
 * open it again, so it is left as it is and counted. (A mail that failed or
 * was kept may still be resent by an admin: its link must open.)
 */
import { CLIENT_SECRET, type SecretBox } from '$lib/server/crypto/secret-box';
import type { Db } from '$lib/server/db';
import { resealAccountLink, type AccountMailPayload } from '../outbox/account-mail-payload';
import { isAccountMailKind } from '../outbox/notification-kinds';
import { CONNECTOR_SECRET } from '../itsm/sync/connectors.service';
import { listConnectorSecrets, listOutboxPayloads, listProviderSecrets, listTwoFactorSecrets, setConnectorSecret, setOutboxPayload, setProviderSecret, setTwoFactorSecret } from './sealed-secrets.repository';
import { purposeOf as totpPurpose } from '../tenancy/totp';

export interface RotationReport {
	twoFactorSecrets: number;
	identityProviderSecrets: number;
	connectorSecrets: number;
	accountMailLinks: number;
	/** links of account mails already sent that no key opens: left as they were */
	accountMailLinksLeft: number;
}

export class SecretsRotationFailed extends Error {
	constructor(readonly unopened: string[]) {
		super(`${unopened.length} sealed value(s) open with none of the keys; nothing was changed:\n${unopened.map((u) => `  - ${u}`).join('\n')}`);
		this.name = 'SecretsRotationFailed';
	}
}

export async function resealSecrets(db: Db, box: SecretBox): Promise<RotationReport> {
	return db.transaction().execute(async (tx) => {
		const unopened: string[] = [];
		const report: RotationReport = { twoFactorSecrets: 0, identityProviderSecrets: 0, connectorSecrets: 0, accountMailLinks: 0, accountMailLinksLeft: 0 };

		for (const row of await listTwoFactorSecrets(tx)) {
			const sealed = box.reseal(row.secret_sealed, totpPurpose(row.person_id));
			if (sealed === null) unopened.push(`two-factor secret of person ${row.person_id}`);
			else {
				await setTwoFactorSecret(tx, row.person_id, sealed);
				report.twoFactorSecrets++;
			}
		}
		for (const row of await listProviderSecrets(tx)) {
			const sealed = box.reseal(row.client_secret_sealed, CLIENT_SECRET);
			if (sealed === null) unopened.push(`client secret of identity provider ${row.id}`);
			else {
				await setProviderSecret(tx, row.id, sealed);
				report.identityProviderSecrets++;
			}
		}
		for (const row of await listConnectorSecrets(tx)) {
			const sealed = box.reseal(row.secret_sealed, CONNECTOR_SECRET);
			if (sealed === null) unopened.push(`secret of ticket connector ${row.id}`);
			else {
				await setConnectorSecret(tx, row.id, sealed);
				report.connectorSecrets++;
			}
		}
		for (const row of await listOutboxPayloads(tx)) {
			if (!isAccountMailKind(row.kind)) continue;
			const payload = JSON.parse(row.payload) as AccountMailPayload;
			const resealed = resealAccountLink(payload, box);
			if (resealed) {
				await setOutboxPayload(tx, row.id, JSON.stringify(resealed));
				report.accountMailLinks++;
			} else if (row.status !== 'sent') unopened.push(`link of account mail ${row.id} (${row.status})`);
			else report.accountMailLinksLeft++;
		}

		if (unopened.length > 0) throw new SecretsRotationFailed(unopened);
		return report;
	});
}
