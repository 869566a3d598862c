/**
 * API tokens for integrations: one customer each, scoped, revocable. The
 * secret is shown once at creation; the database keeps only its SHA-256, like
 * session tokens. A token becomes an Actor the same way a session cookie does,
 * and the policy limits it to its scopes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/audit.repository';
import { notFound } from '../../errors';
import { newId, nowIso } from '../../ids';
import { authorize, TOKEN_SCOPES, type TokenScope } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { parseInput, text } from '../../validation';
import { accessChanged } from '../../tenancy/access-events';
import { findCustomerToken, findTokenByHash, insertToken, setTokenLastUsed, setTokenRevoked, tokensOfCustomer } from './api-tokens.repository';

export const TOKEN_PREFIX = 'smv_';
const SCOPES = Object.keys(TOKEN_SCOPES) as [TokenScope, ...TokenScope[]];

export const TokenInput = z.strictObject({
	name: text(80),
	scopes: z.array(z.enum(SCOPES)).min(1, 'token.scopes').max(SCOPES.length)
});

export interface ApiTokenView {
	id: string;
	customerId: string;
	name: string;
	scopes: TokenScope[];
	createdAt: string;
	lastUsedAt: string | null;
	revokedAt: string | null;
}

const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex');

type Row = { id: string; customer_id: string; name: string; scopes: string; created_at: string; last_used_at: string | null; revoked_at: string | null };
const view = (r: Row): ApiTokenView => ({
	id: r.id,
	customerId: r.customer_id,
	name: r.name,
	scopes: JSON.parse(r.scopes) as TokenScope[],
	createdAt: r.created_at,
	lastUsedAt: r.last_used_at,
	revokedAt: r.revoked_at
});

export async function listTokens(db: Db, actor: Actor, customerId: string): Promise<ApiTokenView[]> {
	authorize(actor, 'token.manage', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	return (await tokensOfCustomer(db, customerId)).map(view);
}

export async function createToken(db: Db, actor: Actor, customerId: string, input: unknown): Promise<{ token: ApiTokenView; secret: string }> {
	authorize(actor, 'token.manage', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const t = parseInput(TokenInput, input);
	const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
	const row = {
		id: newId(),
		customer_id: customerId,
		name: t.name,
		token_hash: hashToken(secret),
		scopes: JSON.stringify([...new Set(t.scopes)]),
		created_by: actor.personId,
		created_at: nowIso(),
		last_used_at: null,
		revoked_at: null
	};
	await db.transaction().execute(async (tx) => {
		await insertToken(tx, row);
		await recordAudit(tx, actor, { action: 'api_token.create', entity: 'api_token', entityId: row.id, customerId, after: { name: t.name, scopes: t.scopes } });
	});
	return { token: view(row), secret };
}

export async function revokeToken(db: Db, actor: Actor, customerId: string, tokenId: string): Promise<void> {
	authorize(actor, 'token.manage', { customerId, kind: 'Customer' });
	const row = await findCustomerToken(db, customerId, tokenId);
	if (!row) throw notFound('Token');
	if (row.revoked_at) return;
	await db.transaction().execute(async (tx) => {
		await setTokenRevoked(tx, tokenId, nowIso());
		await recordAudit(tx, actor, { action: 'api_token.revoke', entity: 'api_token', entityId: tokenId, customerId });
	});
	// integrations connected with it (/collab) are cut off now, on every instance
	accessChanged({ kind: 'token', tokenId });
}

/** The Actor of a bearer token, or null when it is unknown or revoked. */
// no actor: authentication: turns a bearer token into the actor that everything after it authorizes
export async function actorFromToken(db: Executor, secret: string): Promise<Actor | null> {
	if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null;
	const row = await findTokenByHash(db, hashToken(secret));
	if (!row || row.revoked_at) return null;
	const now = nowIso();
	// at most one write a minute per token, not one per request
	if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
		await setTokenLastUsed(db, row.id, now);
	}
	return {
		personId: row.id,
		name: `API token ${row.name}`,
		email: 'api-token@localhost',
		access: 'customer_member',
		customerId: row.customer_id,
		token: { id: row.id, scopes: JSON.parse(row.scopes) as string[] }
	};
}
