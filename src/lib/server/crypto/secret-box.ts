/**
 * Secrets kept at rest (a TOTP secret, an OIDC client secret, the link of an
 * account mail waiting in the outbox) are sealed with AES-256-GCM under the
 * installation's key, SECRETS_KEY. A sealed value is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url): a copy of the database alone
 * does not reveal them, and a changed byte is refused, not misread.
 *
 * `purpose` is bound as additional data, so a value sealed for one use (say a
 * person's TOTP secret) cannot be passed off as another's.
 *
 * Outside production a missing key falls back to a fixed development key with
 * a loud warning; in production a missing or malformed key stops the start.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBox {
	private constructor(private readonly key: Buffer) {}

	/** The key from 64 hex digits or base64 of 32 bytes. */
	static fromKeyText(text: string): SecretBox {
		const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
		if (key.length !== 32) throw new Error('SECRETS_KEY must be 32 bytes: 64 hex digits or base64 (openssl rand -hex 32)');
		return new SecretBox(key);
	}

	seal(plain: string, purpose: string): string {
		const iv = randomBytes(12);
		const cipher = createCipheriv('aes-256-gcm', this.key, iv);
		cipher.setAAD(Buffer.from(purpose));
		const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
		return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
	}

	/** The plain text, or null when the value was not sealed by this key for this purpose. */
	open(sealed: string, purpose: string): string | null {
		const [version, iv, tag, body, extra] = sealed.split('.');
		if (version !== VERSION || !iv || !tag || body === undefined || extra !== undefined) return null;
		try {
			const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
			decipher.setAAD(Buffer.from(purpose));
			decipher.setAuthTag(Buffer.from(tag, 'base64url'));
			return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
		} catch {
			return null;
		}
	}
}

/** The fixed key of development, demo and tests: never for real secrets. */
const DEVELOPMENT_KEY = createHash('sha256').update('samverkan development secrets key: not for production').digest('hex');

/**
 * The installation's box, from SECRETS_KEY. `nodeEnv` 'production' without a
 * key throws; otherwise the development key is used and `warn` is told so.
 */
export function secretBoxFromEnv(keyText: string | undefined, nodeEnv: string | undefined, warn: (message: string) => void = console.warn): SecretBox {
	if (keyText) return SecretBox.fromKeyText(keyText);
	if (nodeEnv === 'production') throw new Error('SECRETS_KEY is required in production (32 bytes: openssl rand -hex 32)');
	warn('WARNING: SECRETS_KEY is not set: secrets at rest (two-factor secrets) are sealed with a fixed DEVELOPMENT key. Set SECRETS_KEY before real use.');
	return SecretBox.fromKeyText(DEVELOPMENT_KEY);
}

let installed: SecretBox | null = null;

/** The box of this process (SECRETS_KEY, read once). */
export function secretBox(): SecretBox {
	installed ??= secretBoxFromEnv(process.env.SECRETS_KEY?.trim() || undefined, process.env.NODE_ENV);
	return installed;
}
