import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { nowIso } from '../ids';
import { parseInput } from '../validation';
import type { LoginLimiter } from './login-limiter';
import { burnVerifyTime, verifyPassword } from './password';
import { accessChanged, sessionIdOf } from './access-events';
import { passwordSignInOff } from './oidc-sign-in.service';
import { countChallengeAttempt, deleteLoginChallenge, findLoginChallenge, findTwoFactor, insertLoginChallenge } from './accounts.repository';
import { newLinkToken, tokenDigest } from './one-time-links';
import { createSession, deleteSession } from './sessions';
import { findLoginRow, findPerson, setAccountLastLogin } from './tenancy.repository';
import { useSecondFactor } from './totp';

export const LoginInput = z.object({
	email: z.string().trim().toLowerCase().min(1, 'field.required').max(254),
	password: z.string().min(1, 'field.required').max(1024),
	/** the API's way to sign in with two-factor sign-in on: the code with the password */
	code: z.string().trim().max(40).optional()
});

export interface LoginResult {
	twoFactor?: undefined;
	token: string;
	expiresAt: Date;
	actor: Actor;
}

/** The password was right and the person signs in with a second factor: a challenge (not a session) to answer with the code. */
export interface SecondFactorNeeded {
	twoFactor: true;
	/** for the challenge cookie; the database holds only its SHA-256 */
	challenge: string;
	expiresAt: Date;
}

/** How long the step between the password and the code may take. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes one challenge takes before it is spent (the rate limit counts across challenges too). */
export const CHALLENGE_MAX_ATTEMPTS = 5;

/** Who signs in, with what, from where. */
export interface SignInContext {
	ip: string;
	userAgent: string | null;
}

/** The limits of a sign-in: of passwords, and of second-factor codes. */
export interface SignInLimits {
	password: LoginLimiter;
	code: LoginLimiter;
}

const actorOf = (row: { id: string; name: string; email: string; access: Actor['access']; customer_id: string | null }): Actor => ({
	personId: row.id,
	name: row.name,
	email: row.email,
	access: row.access,
	customerId: row.customer_id
});

async function startSession(db: Db, row: Parameters<typeof actorOf>[0], ctx: SignInContext): Promise<LoginResult> {
	await setAccountLastLogin(db, row.id, nowIso());
	const session = await createSession(db, row.id, new Date(), { userAgent: ctx.userAgent });
	return { ...session, actor: actorOf(row) };
}

// no actor: authentication: there is no actor before the password is checked
export async function login(db: Db, limits: SignInLimits, input: unknown, ip: string, userAgent: string | null = null): Promise<LoginResult | SecondFactorNeeded> {
	const { password: limiter, code: codeLimiter } = limits;
	const { email, password, code } = parseInput(LoginInput, input);
	const wait = await limiter.retryAfter(email, ip);
	if (wait > 0) {
		throw new DomainError('rate_limited', `Too many failed logins. Try again in ${Math.ceil(wait / 60)} minutes.`);
	}
	const row = await findLoginRow(db, email);
	const ok = row && !row.disabled_at ? await verifyPassword(row.password_hash, password) : (await burnVerifyTime(password), false);
	if (!row || !ok) {
		await limiter.recordFailure(email, ip);
		throw new DomainError('unauthenticated', 'Wrong e-mail or password');
	}
	await limiter.recordSuccess(email, ip);
	// asked only once the password is right, so the answer says nothing to whoever does not know it
	if (await passwordSignInOff(db, row.customer_id)) {
		throw new DomainError('forbidden', { code: 'login.use_provider' });
	}
	if (!(await findTwoFactor(db, row.id))?.enabled_at) return startSession(db, row, { ip, userAgent });
	const challenge = newLinkToken();
	const now = new Date();
	const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
	await insertLoginChallenge(db, { id: tokenDigest(challenge), person_id: row.id, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), attempts: 0 });
	if (code === undefined) return { twoFactor: true, challenge, expiresAt };
	return completeSecondFactor(db, codeLimiter, challenge, { code }, { ip, userAgent });
}

const CodeInput = z.object({ code: z.string().trim().min(1, 'field.required').max(40) });

const challengeExpired = () => new DomainError('unauthenticated', { code: 'two_factor.expired' });

/**
 * The second step: the challenge from a correct password and a code from the
 * person's app (or a recovery code). Wrong codes are counted per person and
 * IP (and per IP), and a challenge takes CHALLENGE_MAX_ATTEMPTS of them.
 */
// no actor: authentication: the challenge stands for the person until the code is checked
export async function completeSecondFactor(db: Db, limiter: LoginLimiter, challenge: string, input: unknown, ctx: SignInContext): Promise<LoginResult> {
	const { code } = parseInput(CodeInput, input);
	if (!challenge || challenge.length > 100) throw challengeExpired();
	const id = tokenDigest(challenge);
	const row = await findLoginChallenge(db, id);
	if (!row || row.expires_at <= nowIso() || row.attempts >= CHALLENGE_MAX_ATTEMPTS) {
		if (row) await deleteLoginChallenge(db, id);
		throw challengeExpired();
	}
	const wait = await limiter.retryAfter(row.person_id, ctx.ip);
	if (wait > 0) throw new DomainError('rate_limited', `Too many wrong codes. Try again in ${Math.ceil(wait / 60)} minutes.`);
	const person = await findLoginRow(db, (await findPerson(db, row.person_id))?.email ?? '');
	if (!person || person.disabled_at) {
		await deleteLoginChallenge(db, id);
		throw challengeExpired();
	}
	const used = await db.transaction().execute((tx) => useSecondFactor(tx, person, code, new Date()));
	if (!used) {
		await limiter.recordFailure(row.person_id, ctx.ip);
		await countChallengeAttempt(db, id);
		throw new DomainError('unauthenticated', { code: 'two_factor.wrong_code' }, { code: 'two_factor.wrong_code' });
	}
	await limiter.recordSuccess(row.person_id, ctx.ip);
	await deleteLoginChallenge(db, id);
	return startSession(db, person, ctx);
}

// no actor: authentication: ends the session the cookie names, whoever holds it
export async function logout(db: Db, token: string | undefined): Promise<void> {
	if (!token) return;
	await deleteSession(db, token);
	// sockets opened with this session lose it now, on every instance
	accessChanged({ kind: 'session', sessionId: sessionIdOf(token) });
}
