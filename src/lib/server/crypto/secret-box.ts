/**
 * Secrets at rest (an identity provider's client secret): AES-256-GCM with a
 * key from the environment (SECRETS_KEY), so a copy of the database alone does
 * not give them away. A sealed value is `v1.<iv>.<tag>.<ciphertext>`
 * (base64url); opening one that was altered, or sealed with another key, throws.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'v1';

export class SecretsKeyMissing extends Error {
	constructor() {
		super('SECRETS_KEY is not set: secrets cannot be stored or read');
		this.name = 'SecretsKeyMissing';
	}
}

/** The 32-byte key: SECRETS_KEY as 64 hex digits or 32 bytes of base64, else the SHA-256 of the text. */
function key(): Buffer {
	const raw = process.env.SECRETS_KEY;
	if (!raw || raw.length < 32) throw new SecretsKeyMissing();
	if (/^[0-9a-f]{64}$/i.test(raw)) return Buffer.from(raw, 'hex');
	const b64 = Buffer.from(raw, 'base64');
	if (b64.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(raw)) return b64;
	return createHash('sha256').update(raw).digest();
}

/** Whether secrets can be sealed and opened on this installation. */
export const secretsKeySet = (): boolean => {
	const raw = process.env.SECRETS_KEY;
	return Boolean(raw && raw.length >= 32);
};

export function seal(plaintext: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key(), iv);
	const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return [PREFIX, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function open(sealed: string): string {
	const [prefix, iv, tag, data] = sealed.split('.');
	if (prefix !== PREFIX || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
	const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
