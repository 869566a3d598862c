import type { Server, Socket } from 'socket.io';
import type { Actor } from '$lib/server/domain/actor';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/room/events';

export interface RoomSocketData {
	actor: Actor;
	sessionToken: string;
	/** the meeting this socket has joined, if any */
	meetingId: string | null;
}

export type RoomIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, RoomSocketData>;
export type RoomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, RoomSocketData>;
