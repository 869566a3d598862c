/** API token rows. Repository functions take the executor first so they work inside a transaction. */
import type { Executor } from '$lib/server/db';
import type { ApiTokensTable } from '$lib/server/db/itsm-schema';

export type ApiTokenRow = ApiTokensTable;

/** A customer's tokens, newest first. */
export async function tokensOfCustomer(db: Executor, customerId: string): Promise<ApiTokenRow[]> {
	return db.selectFrom('api_tokens').selectAll().where('customer_id', '=', customerId).orderBy('created_at', 'desc').execute();
}

/** One token of a customer (another customer's token reads as missing). */
export async function findCustomerToken(db: Executor, customerId: string, tokenId: string): Promise<ApiTokenRow | undefined> {
	return db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).where('customer_id', '=', customerId).executeTakeFirst();
}

export async function findTokenByHash(db: Executor, tokenHash: string): Promise<ApiTokenRow | undefined> {
	return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function insertToken(db: Executor, row: ApiTokenRow): Promise<void> {
	await db.insertInto('api_tokens').values(row).execute();
}

export async function setTokenRevoked(db: Executor, tokenId: string, at: string): Promise<void> {
	await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', tokenId).execute();
}

export async function setTokenLastUsed(db: Executor, tokenId: string, at: string): Promise<void> {
	await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}
