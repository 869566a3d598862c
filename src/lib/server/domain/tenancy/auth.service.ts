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
import { createSession, deleteSession } from './sessions';
import { findLoginRow, setAccountLastLogin } from './tenancy.repository';

export const LoginInput = z.object({
	email: z.string().trim().toLowerCase().min(1, 'field.required').max(254),
	password: z.string().min(1, 'field.required').max(1024)
});

export interface LoginResult {
	token: string;
	expiresAt: Date;
	actor: Actor;
}

// no actor: authentication: there is no actor before the password is checked
export async function login(db: Db, limiter: LoginLimiter, input: unknown, ip: string): Promise<LoginResult> {
	const { email, password } = parseInput(LoginInput, input);
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
	await setAccountLastLogin(db, row.id, nowIso());
	const session = await createSession(db, row.id);
	return {
		...session,
		actor: { personId: row.id, name: row.name, email: row.email, access: row.access, customerId: row.customer_id }
	};
}

// no actor: authentication: ends the session the cookie names, whoever holds it
export async function logout(db: Db, token: string | undefined): Promise<void> {
	if (!token) return;
	await deleteSession(db, token);
	// sockets opened with this session lose it now, on every instance
	accessChanged({ kind: 'session', sessionId: sessionIdOf(token) });
}
