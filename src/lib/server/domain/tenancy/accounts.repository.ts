/**
 * Queries for the local-account tables: one-time links (invitations, password
 * resets), two-factor secrets, recovery codes and sign-in challenges. No
 * access checks here. Every "use once" is a conditional update, so two
 * requests racing for the same link or code cannot both win.
 */
import type { Executor } from '$lib/server/db';
import type { AccountTokenKind, AccountTokensTable, LoginChallengesTable, TwoFactorTable } from '$lib/server/db/accounts-schema';

export const insertAccountToken = (db: Executor, row: AccountTokensTable) => db.insertInto('account_tokens').values(row).execute();

export const findAccountToken = (db: Executor, id: string) => db.selectFrom('account_tokens').selectAll().where('id', '=', id).executeTakeFirst();

/** Marks a link used, if it still was usable; whether this call did. */
export async function useAccountToken(db: Executor, id: string, at: string): Promise<boolean> {
	const res = await db
		.updateTable('account_tokens')
		.set({ used_at: at })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', at)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

/** Revokes a person's usable links of one kind; how many. */
export async function revokeAccountTokens(db: Executor, personId: string, kind: AccountTokenKind, at: string): Promise<number> {
	const res = await db
		.updateTable('account_tokens')
		.set({ revoked_at: at })
		.where('person_id', '=', personId)
		.where('kind', '=', kind)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', at)
		.executeTakeFirst();
	return Number(res.numUpdatedRows);
}

/** Invitations still waiting for their person, of one customer's people (null: the supplier's staff). */
export const listPendingInvitationRows = (db: Executor, customerId: string | null, now: string) =>
	db
		.selectFrom('account_tokens as t')
		.innerJoin('people as p', 'p.id', 't.person_id')
		.leftJoin('people as by', 'by.id', 't.created_by')
		.select(['t.person_id', 'p.name', 'p.email', 't.created_at', 't.expires_at', 'by.name as invited_by'])
		.where('t.kind', '=', 'invitation')
		.where('t.used_at', 'is', null)
		.where('t.revoked_at', 'is', null)
		.where('t.expires_at', '>', now)
		.where((eb) => (customerId === null ? eb('p.customer_id', 'is', null) : eb('p.customer_id', '=', customerId)))
		.orderBy('t.created_at', 'desc')
		.execute();

export const findTwoFactor = (db: Executor, personId: string) => db.selectFrom('two_factor').selectAll().where('person_id', '=', personId).executeTakeFirst();

export const saveTwoFactor = (db: Executor, row: TwoFactorTable) =>
	db
		.insertInto('two_factor')
		.values(row)
		.onConflict((oc) => oc.column('person_id').doUpdateSet({ secret_sealed: row.secret_sealed, enabled_at: row.enabled_at, last_step: row.last_step, updated_at: row.updated_at }))
		.execute();

/** Records an accepted TOTP step, if it is later than the last one; whether it was (a replay is not). */
export async function advanceTwoFactorStep(db: Executor, personId: string, step: number, at: string): Promise<boolean> {
	const res = await db
		.updateTable('two_factor')
		.set({ last_step: step, updated_at: at })
		.where('person_id', '=', personId)
		.where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

export const enableTwoFactor = (db: Executor, personId: string, step: number, at: string) =>
	db.updateTable('two_factor').set({ enabled_at: at, last_step: step, updated_at: at }).where('person_id', '=', personId).execute();

export const deleteTwoFactor = async (db: Executor, personId: string) => {
	await db.deleteFrom('recovery_codes').where('person_id', '=', personId).execute();
	await db.deleteFrom('two_factor').where('person_id', '=', personId).execute();
};

export const replaceRecoveryCodes = async (db: Executor, personId: string, rows: { id: string; code_hash: string }[]) => {
	await db.deleteFrom('recovery_codes').where('person_id', '=', personId).execute();
	await db
		.insertInto('recovery_codes')
		.values(rows.map((r) => ({ ...r, person_id: personId, used_at: null })))
		.execute();
};

/** Uses one of a person's recovery codes, if it is theirs and unused; whether it was. */
export async function useRecoveryCode(db: Executor, personId: string, codeHash: string, at: string): Promise<boolean> {
	const res = await db
		.updateTable('recovery_codes')
		.set({ used_at: at })
		.where('person_id', '=', personId)
		.where('code_hash', '=', codeHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, personId: string): Promise<number> {
	const row = await db
		.selectFrom('recovery_codes')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('person_id', '=', personId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export const insertLoginChallenge = (db: Executor, row: LoginChallengesTable) => db.insertInto('login_challenges').values(row).execute();

export const findLoginChallenge = (db: Executor, id: string) => db.selectFrom('login_challenges').selectAll().where('id', '=', id).executeTakeFirst();

export const countChallengeAttempt = (db: Executor, id: string) =>
	db
		.updateTable('login_challenges')
		.set((eb) => ({ attempts: eb('attempts', '+', 1) }))
		.where('id', '=', id)
		.execute();

export const deleteLoginChallenge = (db: Executor, id: string) => db.deleteFrom('login_challenges').where('id', '=', id).execute();

export const deleteExpiredLoginChallenges = (db: Executor, now: string) => db.deleteFrom('login_challenges').where('expires_at', '<=', now).execute();
