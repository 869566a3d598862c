/**
 * The live room next to the collab server: one object for the custom server
 * (server/index.ts), which knows one `attachRealtime` and closes what it returns.
 */
import type { Realtime } from '../attach';
import type { RoomServer } from './room-server';

export function withRoom(realtime: Realtime, room: RoomServer): Realtime {
	return {
		handleUpgrade: (req, socket, head) => realtime.handleUpgrade(req, socket, head),
		async close() {
			// The room's sockets first: its handlers write to the database the collab server still flushes.
			await room.close();
			await realtime.close();
		},
		get documents() {
			return realtime.documents;
		}
	};
}
