/**
 * Decides a websocket upgrade on /collab/<docName> before anything is loaded:
 * same-site origin, a valid session, a document name that parses, and access
 * through the same policy as HTTP.
 */
import type { IncomingMessage } from 'node:http';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/domain/actor';
import { documentAccess, type DocumentAccess, type DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { DomainError } from '$lib/server/domain/errors';
import { actorFromToken, TOKEN_PREFIX } from '$lib/server/domain/itsm/tokens/api-tokens.service';
import { lookupSession, SESSION_COOKIE } from '$lib/server/domain/tenancy/sessions';
import { COLLAB_PATH, parseDocName } from '$lib/realtime/doc-names';
import { CloseCode } from '$lib/realtime/protocol';

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
	if (credential.startsWith(TOKEN_PREFIX)) return actorFromToken(db, credential);
	return (await lookupSession(db, credential))?.actor ?? null;
}

function credentialOf(req: IncomingMessage): string | null {
	const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
	if (bearer && bearer[1].startsWith(TOKEN_PREFIX)) return bearer[1];
	const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
	return cookie && !cookie.startsWith(TOKEN_PREFIX) ? cookie : null;
}

export async function authorizeUpgrade(db: Db, req: IncomingMessage, publicOrigin?: string): Promise<UpgradeDecision> {
	if (!sameOrigin(req, publicOrigin)) return { ok: false, code: CloseCode.forbidden, reason: 'cross-site origin' };
	const token = credentialOf(req);
	const actor = token ? await actorForCredential(db, token) : null;
	if (!token || !actor) return { ok: false, code: CloseCode.unauthenticated, reason: 'sign in first' };

	const path = new URL(req.url ?? '/', 'http://localhost').pathname;
	let name: string;
	try {
		name = decodeURIComponent(path.slice(COLLAB_PATH.length + 1));
	} catch {
		return { ok: false, code: CloseCode.unknownDocument, reason: 'unknown document' };
	}
	const parsed = parseDocName(name);
	if (!parsed) return { ok: false, code: CloseCode.unknownDocument, reason: 'unknown document' };

	try {
		const { target, access } = await documentAccess(db, actor, parsed);
		return { ok: true, actor, target, access, sessionToken: token };
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
	access: DocumentAccess
): Promise<{ code: CloseCode; reason: string } | null> {
	const actor = await actorForCredential(db, sessionToken);
	if (!actor) return { code: CloseCode.unauthenticated, reason: 'session ended' };
	try {
		const now = await documentAccess(db, actor, target.parsed);
		return now.access === access ? null : { code: CloseCode.accessChanged, reason: 'access changed' };
	} catch (err) {
		const refusal = refusalFor(err);
		if (refusal) return { code: refusal.code, reason: refusal.reason };
		throw err;
	}
}
