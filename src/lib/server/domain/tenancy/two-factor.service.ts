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
import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import { secretBox } from '$lib/server/crypto/secret-box';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, DomainError, forbidden } from '../errors';
import { newId } from '../ids';
import { parseInput } from '../validation';
import { countUnusedRecoveryCodes, deleteTwoFactor, enableTwoFactor, findTwoFactor, replaceRecoveryCodes, saveTwoFactor } from './accounts.repository';
import { newRecoveryCode, openSecret, purposeOf, RECOVERY_CODE_COUNT, recoveryDigest, totpOf, totpStep, useSecondFactor } from './totp';

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
