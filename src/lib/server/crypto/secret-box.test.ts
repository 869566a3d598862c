import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { open, seal, SecretsKeyMissing } from './secret-box';

describe('secret box', () => {
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
