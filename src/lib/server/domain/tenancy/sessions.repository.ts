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
		.select([
			'sessions.id as session_id',
			'sessions.expires_at',
			'sessions.last_seen_at',
			'people.id',
			'people.name',
			'people.email',
			'people.access',
			'people.customer_id',
			'accounts.disabled_at'
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
