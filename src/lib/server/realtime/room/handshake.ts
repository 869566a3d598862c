/**
 * socket.io handshake: the same checks as the collab upgrade (same-site
 * Origin, a live session cookie), through the same functions. Which meeting
 * is decided later, by `room:join`, so that a refusal reaches the client as a
 * `room:error` event rather than a bare connect error.
 */
import type { Socket } from 'socket.io';
import type { Db } from '$lib/server/db';
import { lookupSession, SESSION_COOKIE } from '$lib/server/domain/tenancy/sessions';
import { readCookie, sameOrigin } from '../collab/authorize-upgrade';
import type { RoomSocketData } from './types';

/** Each socket's session token, kept in this process only (socket.data travels between instances). */
const sessionTokens = new WeakMap<Socket, string>();

export const sessionTokenOf = (socket: Socket): string | undefined => sessionTokens.get(socket);

export function handshake(db: Db, publicOrigin: string | undefined) {
	return async (socket: Socket, next: (err?: Error) => void) => {
		const req = socket.request;
		if (!sameOrigin(req, publicOrigin)) return next(refusal('forbidden', 'cross-site origin'));
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		const session = token ? await lookupSession(db, token).catch(() => null) : null;
		if (!token || !session) return next(refusal('unauthenticated', 'sign in first'));
		const data = socket.data as RoomSocketData;
		data.actor = session.actor;
		sessionTokens.set(socket, token);
		data.meetingId = null;
		data.forumId = null;
		next();
	};
}

/** A connect_error the client can tell apart: `err.data.code`. */
function refusal(code: string, message: string): Error {
	return Object.assign(new Error(message), { data: { code } });
}
