/** Queries for server-side sessions (rows keyed by the token's digest). No access checks here. */
import type { Executor } from '$lib/server/db';
import type { SessionsTable } from '$lib/server/db/schema';

export const insertSession = (db: Executor, row: SessionsTable) => db.insertInto('sessions').values(row).execute();

/** A session with its person and account state, by the token's digest. */
export const findSessionRow = (db: Executor, id: string) =>
	db
		.selectFrom('sessions')
		.innerJoin('people', 'people.id', 'sessions.person_id')
		.innerJoin('accounts', 'accounts.person_id', 'people.id')
		.leftJoin('two_factor', 'two_factor.person_id', 'people.id')
		.select([
			'sessions.id as session_id',
			'sessions.expires_at',
			'sessions.last_seen_at',
			'people.id',
			'people.name',
			'people.email',
			'people.access',
			'people.customer_id',
			'accounts.disabled_at',
			'two_factor.enabled_at as two_factor_enabled_at'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();

export const touchSession = (db: Executor, id: string, lastSeenAt: string, expiresAt: string) =>
	db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();

export const deleteSessionById = (db: Executor, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteSessionsOfPerson = (db: Executor, personId: string) =>
	db.deleteFrom('sessions').where('person_id', '=', personId).execute();

export const deleteSessionsExpiredBy = (db: Executor, now: string) =>
	db.deleteFrom('sessions').where('expires_at', '<=', now).execute();

/** A person's sessions still valid, newest first (the sessions page). */
export const listSessionsOfPerson = (db: Executor, personId: string, now: string) =>
	db
		.selectFrom('sessions')
		.select(['id', 'created_at', 'last_seen_at', 'user_agent'])
		.where('person_id', '=', personId)
		.where('expires_at', '>', now)
		.orderBy('last_seen_at', 'desc')
		.execute();

/** Ends one of a person's sessions; the number ended (0: not theirs, or gone). */
export async function deleteSessionOfPerson(db: Executor, personId: string, id: string): Promise<number> {
	const res = await db.deleteFrom('sessions').where('id', '=', id).where('person_id', '=', personId).executeTakeFirst();
	return Number(res.numDeletedRows);
}

/** Ends a person's sessions but one (null: all); returns the ids ended. */
export async function deleteSessionsOfPersonExcept(db: Executor, personId: string, keepId: string | null): Promise<string[]> {
	const rows = await db.selectFrom('sessions').select('id').where('person_id', '=', personId).execute();
	const ids = rows.map((r) => r.id).filter((id) => id !== keepId);
	if (ids.length) await db.deleteFrom('sessions').where('id', 'in', ids).execute();
	return ids;
}
