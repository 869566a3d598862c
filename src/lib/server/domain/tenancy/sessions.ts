/**
 * Server-side sessions. The cookie holds a random token; the database holds
 * only its SHA-256, so a copy of the database cannot be replayed as cookies.
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { sessionIdOf } from './access-events';
import {
	deleteSessionById,
	deleteSessionsExpiredBy,
	deleteSessionsOfPerson,
	findSessionRow,
	insertSession,
	touchSession
} from './sessions.repository';

export const SESSION_COOKIE = 'samverkan_session';
/** Idle lifetime; each use within it slides the expiry forward. */
export const SESSION_IDLE_MS = 14 * 24 * 3600 * 1000;
/** Refresh "last seen" (and with it the sliding expiry) at most this often, to spare writes. */
export const TOUCH_INTERVAL_MS = 60 * 1000;
/** The longest User-Agent kept (the sessions page shows the device it names). */
const MAX_USER_AGENT = 400;

const digest = sessionIdOf;

/**
 * `authMethod`: how the person signed in (their organisation's provider:
 * 'oidc'); `userAgent`: the browser, for the sessions page. Both kept with the session.
 */
export async function createSession(
	db: Executor,
	personId: string,
	now = new Date(),
	{ authMethod = 'password', userAgent = null }: { authMethod?: 'password' | 'oidc'; userAgent?: string | null } = {}
) {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
	await insertSession(db, {
		id: digest(token),
		person_id: personId,
		created_at: now.toISOString(),
		expires_at: expiresAt.toISOString(),
		last_seen_at: now.toISOString(),
		auth_method: authMethod,
		user_agent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null
	});
	return { token, expiresAt };
}

export interface SessionLookup {
	actor: Actor;
	expiresAt: Date;
	/** the person signs in with a second factor (TOTP) */
	twoFactor: boolean;
}

export async function lookupSession(db: Executor, token: string, now = new Date()): Promise<SessionLookup | null> {
	if (!token || token.length > 100) return null;
	const row = await findSessionRow(db, digest(token));
	if (!row || row.disabled_at) return null;
	if (new Date(row.expires_at) <= now) {
		await deleteSessionById(db, row.session_id);
		return null;
	}
	let expiresAt = new Date(row.expires_at);
	if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
		expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
		await touchSession(db, row.session_id, now.toISOString(), expiresAt.toISOString());
	}
	return {
		actor: { personId: row.id, name: row.name, email: row.email, access: row.access, customerId: row.customer_id },
		expiresAt,
		twoFactor: Boolean(row.two_factor_enabled_at)
	};
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
	await deleteSessionById(db, digest(token));
}

export async function deleteSessionsOf(db: Executor, personId: string): Promise<void> {
	await deleteSessionsOfPerson(db, personId);
}

export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<void> {
	await deleteSessionsExpiredBy(db, now.toISOString());
}
