/**
 * Decides a websocket upgrade on /collab/<docName> before anything is loaded:
 * same-site origin, a valid session, a document name that parses, and access
 * through the same policy as HTTP. A decision read from the database within
 * the re-check interval is taken from the AccessCache (access-cache.ts),
 * which forgets it at once when the access changes.
 */
import type { IncomingMessage } from 'node:http';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/domain/actor';
import { documentAccess, type DocumentAccess, type DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { DomainError } from '$lib/server/domain/errors';
import { actorFromToken, TOKEN_PREFIX } from '$lib/server/domain/itsm/tokens/api-tokens.service';
import { lookupSession, SESSION_COOKIE } from '$lib/server/domain/tenancy/sessions';
import { COLLAB_PATH, formatDocName, parseDocName, type DocName } from '$lib/realtime/doc-names';
import { CloseCode } from '$lib/realtime/protocol';
import type { AccessCache, AccessDecision, HeldDecision } from './access-cache';

export type UpgradeDecision =
	/** sessionToken: the credential (session or API token), re-checked while the connection lives */
	| { ok: true; actor: Actor; target: DocumentTarget; access: DocumentAccess; sessionToken: string }
	| { ok: false; code: CloseCode; reason: string };

export function isCollabPath(url: string | undefined): boolean {
	return url !== undefined && url.startsWith(COLLAB_PATH + '/');
}

export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return null;
			}
		}
	}
	return null;
}

/**
 * Browsers send cookies with cross-site websocket handshakes (no CORS here), so
 * a page elsewhere could open a document as the user: refuse foreign origins.
 * Clients that send no Origin (not browsers) are judged by their cookie alone.
 */
export function sameOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
	const origin = req.headers.origin;
	if (!origin) return true;
	try {
		const host = new URL(origin).host;
		return host === req.headers.host || (publicOrigin !== undefined && host === new URL(publicOrigin).host);
	} catch {
		return false;
	}
}

/**
 * Who a credential is: a session token (the browser's cookie) or an API token
 * (an integration's `Authorization: Bearer`, limited to its scopes), told apart
 * by the API tokens' prefix. Null when it no longer holds.
 */
export async function actorForCredential(db: Db, credential: string): Promise<Actor | null> {
	return (await holderOf(db, credential))?.actor ?? null;
}

/** The actor of a credential and until when it holds at most (a session's expiry; a token's until revoked). */
async function holderOf(db: Db, credential: string): Promise<{ actor: Actor; until: number } | null> {
	if (credential.startsWith(TOKEN_PREFIX)) {
		const actor = await actorFromToken(db, credential);
		return actor && { actor, until: Infinity };
	}
	const session = await lookupSession(db, credential);
	return session && { actor: session.actor, until: session.expiresAt.getTime() };
}

/**
 * Who the credential is and what it may do with the document: from the cache
 * if it holds a fresh decision (or is reading it already), else from the
 * database (and then kept). Null when the credential no longer holds; throws
 * the policy's refusal.
 */
async function decide(db: Db, credential: string, parsed: DocName, cache: AccessCache | undefined): Promise<AccessDecision | null> {
	const read = () => readDecision(db, credential, parsed);
	if (cache) return cache.decide(credential, formatDocName(parsed), read);
	return (await read())?.decision ?? null;
}

async function readDecision(db: Db, credential: string, parsed: DocName): Promise<HeldDecision | null> {
	const holder = await holderOf(db, credential);
	if (!holder) return null;
	const { target, access } = await documentAccess(db, holder.actor, parsed);
	return { decision: { actor: holder.actor, target, access }, until: holder.until };
}

function credentialOf(req: IncomingMessage): string | null {
	const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
	if (bearer && bearer[1].startsWith(TOKEN_PREFIX)) return bearer[1];
	const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
	return cookie && !cookie.startsWith(TOKEN_PREFIX) ? cookie : null;
}

export async function authorizeUpgrade(db: Db, req: IncomingMessage, publicOrigin?: string, cache?: AccessCache): Promise<UpgradeDecision> {
	if (!sameOrigin(req, publicOrigin)) return { ok: false, code: CloseCode.forbidden, reason: 'cross-site origin' };
	const token = credentialOf(req);
	if (!token) return { ok: false, code: CloseCode.unauthenticated, reason: 'sign in first' };

	const path = new URL(req.url ?? '/', 'http://localhost').pathname;
	let parsed: DocName | null = null;
	try {
		parsed = parseDocName(decodeURIComponent(path.slice(COLLAB_PATH.length + 1)));
	} catch {
		parsed = null;
	}
	// Who it is comes first: a stranger learns nothing about document names.
	if (!parsed) {
		const actor = await actorForCredential(db, token);
		if (!actor) return { ok: false, code: CloseCode.unauthenticated, reason: 'sign in first' };
		return { ok: false, code: CloseCode.unknownDocument, reason: 'unknown document' };
	}

	try {
		const decision = await decide(db, token, parsed, cache);
		if (!decision) return { ok: false, code: CloseCode.unauthenticated, reason: 'sign in first' };
		return { ok: true, ...decision, sessionToken: token };
	} catch (err) {
		const refusal = refusalFor(err);
		if (refusal) return refusal;
		throw err;
	}
}

/** The close code for a domain refusal; null for anything unexpected. */
export function refusalFor(err: unknown): { ok: false; code: CloseCode; reason: string } | null {
	if (err instanceof DomainError && err.code === 'not_found') return { ok: false, code: CloseCode.unknownDocument, reason: 'unknown document' };
	if (err instanceof DomainError && err.code === 'forbidden') return { ok: false, code: CloseCode.forbidden, reason: 'no access' };
	return null;
}

/**
 * Re-checks an open connection: the session may have ended (logout, password
 * or access change) or the person's access to the document changed.
 */
export async function recheckConnection(
	db: Db,
	sessionToken: string,
	target: DocumentTarget,
	access: DocumentAccess,
	cache?: AccessCache
): Promise<{ code: CloseCode; reason: string } | null> {
	try {
		const now = await decide(db, sessionToken, target.parsed, cache);
		if (!now) return { code: CloseCode.unauthenticated, reason: 'session ended' };
		return now.access === access ? null : { code: CloseCode.accessChanged, reason: 'access changed' };
	} catch (err) {
		const refusal = refusalFor(err);
		if (refusal) return { code: refusal.code, reason: refusal.reason };
		throw err;
	}
}
