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
 *
 * Rotation (docs/deployment.md): a new SECRETS_KEY with the old one in
 * SECRETS_KEY_PREVIOUS opens values sealed under either and seals under the
 * new one; `npm run rotate-secrets` then seals every stored value anew, after
 * which the old key can go.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBox {
	/** the key that seals, then the keys that may still open (rotation) */
	private constructor(private readonly keys: Buffer[]) {}

	/**
	 * The key from 64 hex digits or base64 of 32 bytes; any other text of at
	 * least 32 characters is taken through SHA-256 (a pass phrase). Values
	 * sealed under one of `previous` are opened too; sealing uses `text`.
	 */
	static fromKeyText(text: string, previous: readonly string[] = []): SecretBox {
		return new SecretBox([text, ...previous].map(keyOf));
	}

	/** A box that seals under this one's key and opens under its keys and `other`'s. */
	alsoOpening(other: SecretBox): SecretBox {
		return new SecretBox([...this.keys, ...other.keys.filter((k) => !this.keys.some((own) => own.equals(k)))]);
	}

	/** The value sealed anew under the sealing key, or null when none of the keys opens it. */
	reseal(sealed: string, purpose: string): string | null {
		const plain = this.open(sealed, purpose);
		return plain === null ? null : this.seal(plain, purpose);
	}

	seal(plain: string, purpose: string): string {
		const iv = randomBytes(12);
		const cipher = createCipheriv('aes-256-gcm', this.keys[0], iv);
		cipher.setAAD(Buffer.from(purpose));
		const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
		return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
	}

	/** The plain text, or null when the value was not sealed by one of the keys for this purpose. */
	open(sealed: string, purpose: string): string | null {
		const [version, iv, tag, body, extra] = sealed.split('.');
		if (version !== VERSION || !iv || !tag || body === undefined || extra !== undefined) return null;
		for (const key of this.keys) {
			try {
				const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
				decipher.setAAD(Buffer.from(purpose));
				decipher.setAuthTag(Buffer.from(tag, 'base64url'));
				return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
			} catch {
				// another key, or altered: the next key, if any
			}
		}
		return null;
	}
}

function keyOf(text: string): Buffer {
	if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
	const b64 = Buffer.from(text, 'base64');
	if (b64.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(text)) return b64;
	if (text.length >= 32) return createHash('sha256').update(text).digest();
	throw new Error('SECRETS_KEY must be 32 bytes (64 hex digits or base64: openssl rand -hex 32) or a pass phrase of at least 32 characters');
}

/** SECRETS_KEY_PREVIOUS: the keys that came before, comma-separated, still opening what they sealed. */
export function previousKeys(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((k) => k.trim())
		.filter((k) => k.length > 0);
}

/** The fixed key of development, demo and tests: never for real secrets. */
const DEVELOPMENT_KEY = createHash('sha256').update('samverkan development secrets key: not for production').digest('hex');

/**
 * The installation's box, from SECRETS_KEY. `nodeEnv` 'production' without a
 * key throws; otherwise the development key is used and `warn` is told so.
 */
export function secretBoxFromEnv(
	keyText: string | undefined,
	nodeEnv: string | undefined,
	warn: (message: string) => void = console.warn,
	previous: readonly string[] = []
): SecretBox {
	if (keyText) return SecretBox.fromKeyText(keyText, previous);
	if (nodeEnv === 'production') throw new Error('SECRETS_KEY is required in production (32 bytes: openssl rand -hex 32)');
	warn('WARNING: SECRETS_KEY is not set: secrets at rest (two-factor secrets) are sealed with a fixed DEVELOPMENT key. Set SECRETS_KEY before real use.');
	return SecretBox.fromKeyText(DEVELOPMENT_KEY);
}

let installed: SecretBox | null = null;

/** The box of this process (SECRETS_KEY, read once). */
export function secretBox(): SecretBox {
	installed ??= secretBoxFromEnv(process.env.SECRETS_KEY?.trim() || undefined, process.env.NODE_ENV, console.warn, previousKeys(process.env.SECRETS_KEY_PREVIOUS));
	return installed;
}


/**
 * Secrets an installation must not store under the development key (an
 * identity provider's client secret): only with SECRETS_KEY itself set.
 */
export class SecretsKeyMissing extends Error {
	constructor() {
		super('SECRETS_KEY is not set: secrets cannot be stored or read');
		this.name = 'SecretsKeyMissing';
	}
}

/** Whether SECRETS_KEY itself is set (not the development key). */
export const secretsKeySet = (): boolean => (process.env.SECRETS_KEY?.trim().length ?? 0) >= 32;

/** the purpose an identity provider's client secret is sealed for */
export const CLIENT_SECRET = 'oidc.client_secret';
/** The box that seals under SECRETS_KEY itself and opens under it and SECRETS_KEY_PREVIOUS; throws SecretsKeyMissing without it. */
export const installationKeyBox = (): SecretBox => {
	if (!secretsKeySet()) throw new SecretsKeyMissing();
	return SecretBox.fromKeyText(process.env.SECRETS_KEY!.trim(), previousKeys(process.env.SECRETS_KEY_PREVIOUS));
};

/** The development key's box: what an installation sealed with before SECRETS_KEY was set (rotate-secrets opens it). */
export const developmentBox = (): SecretBox => SecretBox.fromKeyText(DEVELOPMENT_KEY);

/** Seals a stored credential for `purpose` under SECRETS_KEY itself; throws SecretsKeyMissing without it. */
export function sealFor(plaintext: string, purpose: string): string {
	return installationKeyBox().seal(plaintext, purpose);
}

/** Opens a credential sealed for `purpose`; throws when it was altered or sealed under another key. */
export function openFor(sealed: string, purpose: string): string {
	const plain = installationKeyBox().open(sealed, purpose);
	if (plain === null) throw new Error('The sealed secret cannot be opened with this SECRETS_KEY');
	return plain;
}

/** Seals an identity provider's client secret; throws SecretsKeyMissing without SECRETS_KEY. */
export const seal = (plaintext: string): string => sealFor(plaintext, CLIENT_SECRET);

/** Opens a sealed client secret; throws when it was altered or sealed under another key. */
export const open = (sealed: string): string => openFor(sealed, CLIENT_SECRET);
