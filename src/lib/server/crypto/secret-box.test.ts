import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { open, previousKeys, seal, SecretBox, secretBoxFromEnv, SecretsKeyMissing } from './secret-box';

const KEY = 'a'.repeat(64);

describe('SecretBox', () => {
	it('opens what it sealed, for the same purpose only', () => {
		const box = SecretBox.fromKeyText(KEY);
		const sealed = box.seal('JBSWY3DPEHPK3PXP', 'totp:p1');
		expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
		expect(box.open(sealed, 'totp:p1')).toBe('JBSWY3DPEHPK3PXP');
		expect(box.open(sealed, 'totp:p2')).toBeNull();
	});

	it('seals the same text differently each time (random IV)', () => {
		const box = SecretBox.fromKeyText(KEY);
		expect(box.seal('x', 'p')).not.toBe(box.seal('x', 'p'));
	});

	it('refuses a changed byte, another key and malformed input', () => {
		const box = SecretBox.fromKeyText(KEY);
		const sealed = box.seal('secret', 'p');
		const parts = sealed.split('.');
		const body = Buffer.from(parts[3], 'base64url');
		body[0] ^= 1;
		expect(box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'p')).toBeNull();
		expect(SecretBox.fromKeyText('b'.repeat(64)).open(sealed, 'p')).toBeNull();
		expect(box.open('v1.x', 'p')).toBeNull();
		expect(box.open('', 'p')).toBeNull();
	});

	it('takes base64 keys and refuses a key that is not 32 bytes', () => {
		expect(() => SecretBox.fromKeyText(Buffer.alloc(32, 7).toString('base64'))).not.toThrow();
		expect(() => SecretBox.fromKeyText('abcd')).toThrow(/32 bytes/);
	});

	it('requires SECRETS_KEY in production, and warns loudly about the development key elsewhere', () => {
		expect(() => secretBoxFromEnv(undefined, 'production')).toThrow(/SECRETS_KEY is required/);
		const warnings: string[] = [];
		const box = secretBoxFromEnv(undefined, 'development', (w) => warnings.push(w));
		expect(warnings.join()).toMatch(/DEVELOPMENT key/);
		expect(box.open(box.seal('x', 'p'), 'p')).toBe('x');
		const quiet: string[] = [];
		secretBoxFromEnv(KEY, 'production', (w) => quiet.push(w));
		expect(quiet).toEqual([]);
	});
});

describe('client secrets (seal/open): only under SECRETS_KEY itself', () => {
	const saved = process.env.SECRETS_KEY;
	beforeEach(() => (process.env.SECRETS_KEY = 'a'.repeat(64)));
	afterEach(() => (saved === undefined ? delete process.env.SECRETS_KEY : (process.env.SECRETS_KEY = saved)));

	it('opens what it sealed, and the sealed text does not contain the secret', () => {
		const sealed = seal('hemlig-klient');
		expect(sealed).not.toContain('hemlig');
		expect(open(sealed)).toBe('hemlig-klient');
		expect(seal('hemlig-klient')).not.toBe(sealed);
	});

	it('refuses a sealed value that was altered or sealed with another key', () => {
		const sealed = seal('hemlig-klient');
		const parts = sealed.split('.');
		const flipped = Buffer.from(parts[3], 'base64url');
		flipped[0] ^= 1;
		expect(() => open([...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toThrow();
		process.env.SECRETS_KEY = 'b'.repeat(64);
		expect(() => open(sealed)).toThrow();
	});

	it('refuses to seal without a key', () => {
		delete process.env.SECRETS_KEY;
		expect(() => seal('x')).toThrow(SecretsKeyMissing);
	});
});

describe('key rotation', () => {
	const OLD = '1'.repeat(64);
	const NEW = '2'.repeat(64);

	it('opens what a previous key sealed, and seals only under the current key', () => {
		const sealedBefore = SecretBox.fromKeyText(OLD).seal('hemligt', 'p');
		const rotated = SecretBox.fromKeyText(NEW, [OLD]);
		expect(rotated.open(sealedBefore, 'p')).toBe('hemligt');
		const sealedAfter = rotated.seal('hemligt', 'p');
		expect(SecretBox.fromKeyText(NEW).open(sealedAfter, 'p')).toBe('hemligt');
		expect(SecretBox.fromKeyText(OLD).open(sealedAfter, 'p')).toBeNull();
		// the purpose still binds, whichever key
		expect(rotated.open(sealedBefore, 'q')).toBeNull();
	});

	it('reseals under the current key, or says it cannot', () => {
		const rotated = SecretBox.fromKeyText(NEW, [OLD]);
		const resealed = rotated.reseal(SecretBox.fromKeyText(OLD).seal('x', 'p'), 'p')!;
		expect(SecretBox.fromKeyText(NEW).open(resealed, 'p')).toBe('x');
		expect(rotated.reseal(SecretBox.fromKeyText('3'.repeat(64)).seal('x', 'p'), 'p')).toBeNull();
		expect(SecretBox.fromKeyText(NEW).alsoOpening(SecretBox.fromKeyText(OLD)).open(SecretBox.fromKeyText(OLD).seal('y', 'p'), 'p')).toBe('y');
	});

	it('reads SECRETS_KEY_PREVIOUS as a comma-separated list', () => {
		expect(previousKeys(undefined)).toEqual([]);
		expect(previousKeys(` ${OLD} , ${NEW},`)).toEqual([OLD, NEW]);
	});
});
