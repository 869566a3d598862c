import type { Server, Socket } from 'socket.io';
import type { Actor } from '$lib/server/domain/actor';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/room/events';

/**
 * What a socket carries. With several instances, `fetchSockets` sends this
 * through Redis to the others: so no secrets here (the session token stays
 * in this process, see handshake.ts).
 */
export interface RoomSocketData {
	actor: Actor;
	/** the meeting this socket has joined, if any */
	meetingId: string | null;
	/** that meeting's forum (its duty changes reach this socket) */
	forumId: string | null;
}

export type RoomIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, RoomSocketData>;
export type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, RoomSocketData>;
