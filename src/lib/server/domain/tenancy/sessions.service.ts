/**
 * The sessions page: a person sees their own sessions (device, when it began,
 * when last seen, which one is this) and ends one or all the others. An ended
 * session's open sockets (the collab websocket, the live room) close at once,
 * on every instance, through the access events.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { forbidden, notFound } from '../errors';
import { accessChanged, sessionIdOf } from './access-events';
import { deleteSessionOfPerson, deleteSessionsOfPersonExcept, listSessionsOfPerson } from './sessions.repository';
import { deviceLabel } from './user-agent';

export interface SessionView {
	/** the session's handle on this page (the stored digest of its token, never the token) */
	id: string;
	/** "Firefox · Windows"; null when the browser is not recognised */
	device: string | null;
	userAgent: string | null;
	createdAt: string;
	lastSeenAt: string;
	current: boolean;
}

function personOf(actor: Actor): string {
	if (actor.token) throw forbidden('Sessions belong to a signed-in person');
	return actor.personId;
}

/** The actor's own sessions, newest use first; `currentToken` is the cookie of this request. */
export async function listMySessions(db: Db, actor: Actor, currentToken: string | undefined, now = new Date()): Promise<SessionView[]> {
	const personId = personOf(actor);
	const current = currentToken ? sessionIdOf(currentToken) : null;
	const rows = await listSessionsOfPerson(db, personId, now.toISOString());
	return rows.map((r) => ({ id: r.id, device: deviceLabel(r.user_agent), userAgent: r.user_agent, createdAt: r.created_at, lastSeenAt: r.last_seen_at, current: r.id === current }));
}

/** Ends one of the actor's sessions; another person's (or an unknown) session is "not found". */
export async function endMySession(db: Db, actor: Actor, sessionId: unknown): Promise<void> {
	const personId = personOf(actor);
	if (typeof sessionId !== 'string' || !/^[0-9a-f]{64}$/.test(sessionId)) throw notFound('Session');
	await db.transaction().execute(async (tx) => {
		const rows = await listSessionsOfPerson(tx, personId, new Date(0).toISOString());
		const row = rows.find((r) => r.id === sessionId);
		if (!row || !(await deleteSessionOfPerson(tx, personId, sessionId))) throw notFound('Session');
		await recordAudit(tx, actor, { action: 'session.end', entity: 'person', entityId: personId, customerId: actor.customerId, before: { device: deviceLabel(row.user_agent) ?? row.user_agent ?? '' } });
	});
	accessChanged({ kind: 'session', sessionId });
}

/** Ends every session of the actor but this one; answers how many. */
export async function endMyOtherSessions(db: Db, actor: Actor, currentToken: string | undefined): Promise<{ ended: number }> {
	const personId = personOf(actor);
	const keep = currentToken ? sessionIdOf(currentToken) : null;
	const ended = await db.transaction().execute(async (tx) => {
		const ids = await deleteSessionsOfPersonExcept(tx, personId, keep);
		if (ids.length) await recordAudit(tx, actor, { action: 'session.end_others', entity: 'person', entityId: personId, customerId: actor.customerId, after: { sessions: ids.length } });
		return ids;
	});
	accessChanged(...ended.map((sessionId) => ({ kind: 'session' as const, sessionId })));
	return { ended: ended.length };
}
