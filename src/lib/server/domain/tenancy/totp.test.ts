import { describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import { mustEnrol, newRecoveryCode, recoveryDigest, totpCode, totpStep, TOTP_PERIOD } from './totp';

const secret = new Secret({ size: 20 }).base32;
const at = new Date('2026-12-06T23:00:05Z');
const step = Math.floor(at.getTime() / 1000 / TOTP_PERIOD);
const shifted = (steps: number) => new Date(at.getTime() + steps * TOTP_PERIOD * 1000);

describe('totpStep', () => {
	it('accepts the current code and one step of clock skew either way, with the step it belongs to', () => {
		expect(totpStep(secret, totpCode(secret, at), at)).toBe(step);
		expect(totpStep(secret, totpCode(secret, shifted(-1)), at)).toBe(step - 1);
		expect(totpStep(secret, totpCode(secret, shifted(1)), at)).toBe(step + 1);
	});

	it('refuses codes two steps away, of another secret, and anything not six digits', () => {
		expect(totpStep(secret, totpCode(secret, shifted(2)), at)).toBeNull();
		expect(totpStep(secret, totpCode(secret, shifted(-2)), at)).toBeNull();
		expect(totpStep(new Secret({ size: 20 }).base32, totpCode(secret, at), at)).toBeNull();
		for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456']) expect(totpStep(secret, bad, at)).toBeNull();
	});
});

describe('recovery codes', () => {
	it('look like xxxxx-xxxxx without look-alike characters, and differ', () => {
		const codes = Array.from({ length: 50 }, newRecoveryCode);
		for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
		expect(new Set(codes).size).toBe(50);
	});

	it('are matched whatever the case, spaces or dash', () => {
		expect(recoveryDigest('ABCDE-FGHJK')).toBe(recoveryDigest('abcde fghjk'));
		expect(recoveryDigest('abcdefghjk')).toBe(recoveryDigest('abcde-fghjk'));
		expect(recoveryDigest('abcde-fghjm')).not.toBe(recoveryDigest('abcde-fghjk'));
	});
});

describe('mustEnrol', () => {
	it('only a supplier admin without two-factor sign-in, and only when the installation requires it', () => {
		expect(mustEnrol('supplier_admin', false, true)).toBe(true);
		expect(mustEnrol('supplier_admin', true, true)).toBe(false);
		expect(mustEnrol('supplier_admin', false, false)).toBe(false);
		for (const access of ['supplier_staff', 'customer_admin', 'customer_member'] as const) expect(mustEnrol(access, false, true)).toBe(false);
	});
});
