/**
 * One-time links mailed to a person (an invitation, a password reset): a
 * random 32-byte token in the link, only its SHA-256 in the database. A link
 * works once, until it expires or is revoked; a used, revoked, expired or
 * unknown link all get the same answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '$lib/server/db';
import type { AccountTokenKind } from '$lib/server/db/accounts-schema';
import { DomainError } from '../errors';
import { findAccountToken, insertAccountToken, revokeAccountTokens, useAccountToken } from './accounts.repository';

export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newLinkToken = (): string => randomBytes(32).toString('base64url');

/** The answer to any link that does not work (any more). */
export const linkNotValid = () => new DomainError('not_found', { code: 'account.link_not_valid' });

const wellFormed = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export interface IssuedLink {
	token: string;
	expiresAt: string;
}

/** A new link for the person; their earlier usable links of this kind stop working. */
export async function issueLink(
	tx: Executor,
	kind: AccountTokenKind,
	person: { id: string; customer_id: string | null },
	createdBy: string | null,
	validMs: number,
	now: Date,
	token = newLinkToken()
): Promise<IssuedLink & { replaced: number }> {
	const at = now.toISOString();
	const replaced = await revokeAccountTokens(tx, person.id, kind, at);
	const expiresAt = new Date(now.getTime() + validMs).toISOString();
	await insertAccountToken(tx, { id: tokenDigest(token), kind, person_id: person.id, customer_id: person.customer_id, created_by: createdBy, created_at: at, expires_at: expiresAt, used_at: null, revoked_at: null });
	return { token, expiresAt, replaced };
}

/** The usable link's row, or null. */
export async function findUsableLink(db: Executor, kind: AccountTokenKind, token: string, now: Date) {
	if (!wellFormed(token)) return null;
	const row = await findAccountToken(db, tokenDigest(token));
	if (!row || row.kind !== kind || row.used_at || row.revoked_at || row.expires_at <= now.toISOString()) return null;
	return row;
}

/** Uses the link (in the caller's transaction); throws linkNotValid when it does not work or someone used it first. */
export async function consumeLink(tx: Executor, kind: AccountTokenKind, token: string, now: Date) {
	const row = await findUsableLink(tx, kind, token, now);
	if (!row || !(await useAccountToken(tx, row.id, now.toISOString()))) throw linkNotValid();
	return row;
}
