/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock skew
 * either way) and recovery codes: checking a code and using it up. The pages'
 * services are in two-factor.service.ts; sign-in (auth.service.ts) uses
 * `useSecondFactor`.
 */
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Executor } from '$lib/server/db';
import { secretBox } from '$lib/server/crypto/secret-box';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { DomainError } from '../errors';
import { advanceTwoFactorStep, countUnusedRecoveryCodes, findTwoFactor, useRecoveryCode } from './accounts.repository';

export const TOTP_PERIOD = 30;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Samverkan';

export const purposeOf = (personId: string) => `totp:${personId}`;

export const totpOf = (secretBase32: string, label: string) =>
	new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });

const stepAt = (now: Date) => Math.floor(now.getTime() / 1000 / TOTP_PERIOD);

/** The step of a correct code (or null): checked against the current step and one either side. */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const delta = totpOf(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
	return delta === null ? null : stepAt(now) + delta;
}

/** The code of a secret at a time (tests and the demo show what an app would). */
export const totpCode = (secretBase32: string, now = new Date()): string => totpOf(secretBase32, 'x').generate({ timestamp: now.getTime() });

/** Whether a person must turn two-factor sign-in on before anything else. */
export const mustEnrol = (access: Actor['access'], hasTwoFactor: boolean, required: boolean): boolean =>
	required && access === 'supplier_admin' && !hasTwoFactor;

export const recoveryDigest = (code: string) => createHash('sha256').update(normaliseRecovery(code)).digest('hex');
const normaliseRecovery = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "xxxxx-xxxxx": 10 characters of an alphabet without look-alikes (about 49 bits). */
export function newRecoveryCode(): string {
	let s = '';
	for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
	return `${s.slice(0, 5)}-${s.slice(5)}`;
}

export const openSecret = (personId: string, sealed: string): string => {
	const secret = secretBox().open(sealed, purposeOf(personId));
	// a secret sealed under another key (SECRETS_KEY changed): it cannot be checked, so nothing matches
	if (secret === null) throw new DomainError('conflict', 'The two-factor secret cannot be read: SECRETS_KEY changed');
	return secret;
};

export type SecondFactor = 'totp' | 'recovery';

/**
 * Checks a code of the person's (in the caller's transaction) and uses it up:
 * a TOTP code of a later step than the last accepted one, or an unused
 * recovery code. Null when neither.
 */
export async function useSecondFactor(tx: Executor, person: { id: string; name: string; email: string; customer_id: string | null; access: Actor['access'] }, code: string, now: Date): Promise<SecondFactor | null> {
	const row = await findTwoFactor(tx, person.id);
	if (!row?.enabled_at) return null;
	const digits = code.replace(/\s/g, '');
	if (/^\d{6}$/.test(digits)) {
		const step = totpStep(openSecret(person.id, row.secret_sealed), digits, now);
		return step !== null && (await advanceTwoFactorStep(tx, person.id, step, now.toISOString())) ? 'totp' : null;
	}
	if (!(await useRecoveryCode(tx, person.id, recoveryDigest(code), now.toISOString()))) return null;
	const actor: Actor = { personId: person.id, name: person.name, email: person.email, access: person.access, customerId: person.customer_id };
	await recordAudit(tx, actor, { action: 'two_factor.recovery_code_used', entity: 'person', entityId: person.id, customerId: person.customer_id, after: { recoveryCodesLeft: await countUnusedRecoveryCodes(tx, person.id) } });
	return 'recovery';
}

