/**
 * `npm run rotate-secrets` (DATABASE_URL, SECRETS_KEY and SECRETS_KEY_PREVIOUS
 * as for the server): seals every stored secret anew under SECRETS_KEY: the
 * two-factor secrets, the identity providers' client secrets, the ticket
 * connectors' secrets and the links of account mails. Values sealed under a
 * key in SECRETS_KEY_PREVIOUS, or under the development key (an installation
 * that ran without SECRETS_KEY), are opened; one that no key opens stops the
 * run and nothing changes. Safe to run while the server runs: one transaction.
 */
import { developmentBox, installationKeyBox, SecretsKeyMissing } from '../src/lib/server/crypto/secret-box.ts';
import { createDb, parseDatabaseUrl } from '../src/lib/server/db/index.ts';
import { resealSecrets, SecretsRotationFailed } from '../src/lib/server/domain/secrets/rotation.ts';

const db = createDb(parseDatabaseUrl(process.env.DATABASE_URL ?? 'sqlite:data/samverkan.db'));
try {
	const report = await resealSecrets(db, installationKeyBox().alsoOpening(developmentBox()));
	console.log(
		[
			'Sealed anew under SECRETS_KEY:',
			`  two-factor secrets        ${report.twoFactorSecrets}`,
			`  identity provider secrets ${report.identityProviderSecrets}`,
			`  ticket connector secrets  ${report.connectorSecrets}`,
			`  account mail links        ${report.accountMailLinks}`,
			...(report.accountMailLinksLeft ? [`  (${report.accountMailLinksLeft} links of mails already sent open with no key: left as they were)`] : []),
			'SECRETS_KEY_PREVIOUS can now be removed.'
		].join('\n')
	);
} catch (err) {
	if (err instanceof SecretsKeyMissing) console.error('Set SECRETS_KEY (the new key) first; the old one goes into SECRETS_KEY_PREVIOUS.');
	else if (err instanceof SecretsRotationFailed) console.error(err.message);
	else console.error(err);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
