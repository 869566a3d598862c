/**
 * Two-factor sign-in with a time-based one-time password (TOTP, RFC 6238:
 * SHA-1, 6 digits, 30-second steps, one step of clock skew either way) and
 * ten one-time recovery codes.
 *
 * - The secret is stored sealed with SECRETS_KEY (crypto/secret-box.ts).
 * - Enrolment stores a secret that is not yet on; the first correct code turns
 *   it on and hands out the recovery codes (shown once, stored as SHA-256).
 * - A code is accepted once: the last accepted step is kept, and a code of that
 *   step or an earlier one is refused (replay), also by a racing request.
 * - Required for supplier admins when REQUIRE_2FA_SUPPLIER_ADMINS is on (the
 *   default): `mustEnrol` says so, the request hook sends them to enrol.
 * - Not asked when an organisation's own identity provider signs the person in
 *   (the OIDC half of issue 17): only the password path calls this.
 */
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import { secretBox } from '$lib/server/crypto/secret-box';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, DomainError, forbidden } from '../errors';
import { newId } from '../ids';
import { parseInput } from '../validation';
import {
	advanceTwoFactorStep,
	countUnusedRecoveryCodes,
	deleteTwoFactor,
	enableTwoFactor,
	findTwoFactor,
	replaceRecoveryCodes,
	saveTwoFactor,
	useRecoveryCode
} from './accounts.repository';

export const TOTP_PERIOD = 30;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Samverkan';

const purposeOf = (personId: string) => `totp:${personId}`;

const totpOf = (secretBase32: string, label: string) =>
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

const recoveryDigest = (code: string) => createHash('sha256').update(normaliseRecovery(code)).digest('hex');
const normaliseRecovery = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "xxxxx-xxxxx": 10 characters of an alphabet without look-alikes (about 49 bits). */
function newRecoveryCode(): string {
	let s = '';
	for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
	return `${s.slice(0, 5)}-${s.slice(5)}`;
}

const openSecret = (personId: string, sealed: string): string => {
	const secret = secretBox().open(sealed, purposeOf(personId));
	// a secret sealed under another key (SECRETS_KEY changed): it cannot be checked, so nothing matches
	if (secret === null) throw new DomainError('conflict', 'The two-factor secret cannot be read: SECRETS_KEY changed');
	return secret;
};

export interface TwoFactorState {
	enabled: boolean;
	enabledAt: string | null;
	recoveryCodesLeft: number;
}

function selfOnly(actor: Actor): string {
	if (actor.token) throw forbidden('Two-factor sign-in belongs to a signed-in person');
	return actor.personId;
}

export async function twoFactorState(db: Executor, actor: Actor): Promise<TwoFactorState> {
	const personId = selfOnly(actor);
	const row = await findTwoFactor(db, personId);
	const enabled = Boolean(row?.enabled_at);
	return { enabled, enabledAt: row?.enabled_at ?? null, recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(db, personId) : 0 };
}

export interface Enrolment {
	secret: string;
	uri: string;
	/** the otpauth:// URI as an SVG QR code (a data: URL for an <img>) */
	qrDataUrl: string;
}

/**
 * The secret to add to an authenticator app. The same one until it is turned
 * on (a reload shows the same QR code); a new one after it was turned off.
 */
export async function startEnrolment(db: Db, actor: Actor, now = new Date()): Promise<Enrolment> {
	const personId = selfOnly(actor);
	const existing = await findTwoFactor(db, personId);
	if (existing?.enabled_at) throw conflict({ code: 'two_factor.already_on' });
	let secret = existing ? secretBox().open(existing.secret_sealed, purposeOf(personId)) : null;
	if (!secret) {
		secret = new Secret({ size: 20 }).base32;
		await saveTwoFactor(db, { person_id: personId, secret_sealed: secretBox().seal(secret, purposeOf(personId)), enabled_at: null, last_step: null, updated_at: now.toISOString() });
	}
	const uri = totpOf(secret, actor.email).toString();
	const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

const CodeInput = z.object({ code: z.string().trim().min(1, 'field.required').max(40) });

const wrongCode = () => new DomainError('invalid', { code: 'two_factor.wrong_code' }, { code: 'two_factor.wrong_code' });

/** Turns two-factor sign-in on with the first correct code; answers the recovery codes, shown this once. */
export async function confirmEnrolment(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ recoveryCodes: string[] }> {
	const personId = selfOnly(actor);
	const { code } = parseInput(CodeInput, input);
	return db.transaction().execute(async (tx) => {
		const row = await findTwoFactor(tx, personId);
		if (!row) throw conflict({ code: 'two_factor.not_on' });
		if (row.enabled_at) throw conflict({ code: 'two_factor.already_on' });
		const step = totpStep(openSecret(personId, row.secret_sealed), code.replace(/\s/g, ''), now);
		if (step === null) throw wrongCode();
		await enableTwoFactor(tx, personId, step, now.toISOString());
		const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
		await replaceRecoveryCodes(tx, personId, recoveryCodes.map((c) => ({ id: newId(), code_hash: recoveryDigest(c) })));
		await recordAudit(tx, actor, { action: 'two_factor.enable', entity: 'person', entityId: personId, customerId: actor.customerId, after: { recoveryCodesLeft: RECOVERY_CODE_COUNT } });
		return { recoveryCodes };
	});
}

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

/** Turns two-factor sign-in off; takes a current code (or a recovery code), so a borrowed session alone cannot. */
export async function disableTwoFactor(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<void> {
	const personId = selfOnly(actor);
	const { code } = parseInput(CodeInput, input);
	await db.transaction().execute(async (tx) => {
		const row = await findTwoFactor(tx, personId);
		if (!row?.enabled_at) throw conflict({ code: 'two_factor.not_on' });
		const person = { id: personId, name: actor.name, email: actor.email, customer_id: actor.customerId, access: actor.access };
		if (!(await useSecondFactor(tx, person, code, now))) throw wrongCode();
		await deleteTwoFactor(tx, personId);
		await recordAudit(tx, actor, { action: 'two_factor.disable', entity: 'person', entityId: personId, customerId: actor.customerId });
	});
}
