/**
 * The live meeting room: socket.io on the app's own http.Server, path
 * /socket.io, websocket transport only. One socket.io room per meeting.
 * Handlers stay thin: validate the payload, call the domain (which
 * authorizes with the duties held right now), then tell the room.
 *
 * Events of one meeting run one after another (a per-meeting queue), so two
 * quick slide changes or a handover racing a vote are applied in order.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { z } from 'zod';
import type { Db } from '$lib/server/db';
import { isSupplier } from '$lib/server/domain/actor';
import { nowIso } from '$lib/server/domain/ids';
import { castVote, closeVote, openVote } from '$lib/server/domain/room/cab.service';
import { LiveRoom } from '$lib/server/domain/room/live-room';
import { authorizeIn, roomContext } from '$lib/server/domain/room/room-context';
import { endMeeting, startMeeting } from '$lib/server/domain/meetings/lifecycle.service';
import type { DocumentStore } from '$lib/server/domain/collab/document-store';
import { handOverDuty, passPresenter, restartItemTimer, setCurrentItem, setSlideNote } from '$lib/server/domain/room/room.service';
import { lookupSession } from '$lib/server/domain/tenancy/sessions';
import { forbidden } from '$lib/server/domain/errors';
import type { Ack, ClientToServerEvents, RoomError } from '$lib/realtime/room/events';
import { ROOM_PATH } from '$lib/realtime/room/events';
import {
	DutyPayload,
	EmptyPayload,
	HandPayload,
	ItemPayload,
	JoinPayload,
	NotePayload,
	PassPresenterPayload,
	SlidePayload,
	VoteCastPayload,
	VoteClosePayload,
	VoteOpenPayload
} from '$lib/realtime/room/schemas';
import { handshake } from './handshake';
import { roomError } from './refusal';
import { roomState, youIn } from './room-state';
import type { RoomIo, RoomSocket } from './types';

export interface RoomServerDeps {
	db: Db;
	publicOrigin?: string;
	/** how often open sockets re-check their session and meeting access */
	recheckMs?: number;
	/** the live shared documents: moving on marks the agenda item dealt with */
	documents?: DocumentStore;
}

export interface RoomServer {
	readonly io: RoomIo;
	/** live rooms in memory (for tests and metrics) */
	readonly rooms: number;
	close(): Promise<void>;
}

const channel = (meetingId: string) => `meeting:${meetingId}`;

/**
 * A participant that stops reading (a stalled tab, a hostile client) would make
 * engine.io queue every state and slide for it without bound. Past this many
 * packets waiting for it, it is cut off; its browser reconnects into the
 * current state once it reads again.
 */
const MAX_QUEUED_PACKETS = 256;

/**
 * Events of one meeting run one after another, so one socket firing events
 * faster than they are handled would hold up the whole room: past this many of
 * its own events waiting, further ones are refused at once.
 */
const MAX_PENDING_PER_SOCKET = 16;
const pending = new WeakMap<RoomSocket, number>();

/** Runs `job` counted against the socket's pending events; null when it has too many already. */
function counted<T>(socket: RoomSocket, job: () => Promise<T>): Promise<T> | null {
	const n = pending.get(socket) ?? 0;
	if (n >= MAX_PENDING_PER_SOCKET) return null;
	pending.set(socket, n + 1);
	return job().finally(() => pending.set(socket, (pending.get(socket) ?? 1) - 1));
}

const BUSY = (event: string): RoomError => ({ event, code: 'rate_limited', message: 'Too many requests at once' });

interface EngineConn {
	writeBuffer: unknown[];
	close(discard?: boolean): void;
	transport?: { socket?: { terminate?(): void } };
}

function congested(socket: RoomSocket): boolean {
	return (socket.conn as unknown as EngineConn).writeBuffer.length > MAX_QUEUED_PACKETS;
}

/** Cuts the connection at once: a polite close would wait for the queue to drain, which it never does. */
function drop(socket: RoomSocket): void {
	const conn = socket.conn as unknown as EngineConn;
	conn.transport?.socket?.terminate?.();
	conn.close(true);
}

export function attachRoom(server: HttpServer, { db, publicOrigin, recheckMs = 30_000, documents }: RoomServerDeps): RoomServer {
	const io: RoomIo = new Server(server, {
		path: ROOM_PATH,
		transports: ['websocket'],
		serveClient: false,
		// leave /collab/ and Vite's HMR upgrades to their owners
		destroyUpgrade: false,
		maxHttpBufferSize: 64 * 1024,
		pingInterval: 20_000,
		pingTimeout: 20_000
	});
	const rooms = new Map<string, LiveRoom>();
	let closing = false;
	const queues = new Map<string, Promise<unknown>>();

	/** Runs `job` after every earlier job of the same meeting. */
	function serially<T>(meetingId: string, job: () => Promise<T>): Promise<T> {
		const prev = queues.get(meetingId) ?? Promise.resolve();
		const next = prev.then(job, job);
		const settled = next.catch(() => {});
		queues.set(meetingId, settled);
		void settled.then(() => queues.get(meetingId) === settled && queues.delete(meetingId));
		return next;
	}

	const broadcastState = async (room: LiveRoom) => io.to(channel(room.meetingId)).emit('room:state', await roomState(db, room));

	/** Duties changed: everyone's own rights may have too. */
	async function refreshRights(room: LiveRoom) {
		const sockets = await io.in(channel(room.meetingId)).fetchSockets();
		const byPerson = new Map<string, Promise<unknown>>();
		for (const s of sockets) {
			const actor = s.data.actor;
			const you = (byPerson.get(actor.personId) as Promise<Awaited<ReturnType<typeof youIn>>> | undefined) ?? youIn(db, actor, room.meetingId);
			byPerson.set(actor.personId, you);
			you.then(
				(y) => s.emit('room:you', y),
				() => s.disconnect(true)
			);
		}
		await Promise.allSettled(byPerson.values());
	}

	function refuse(socket: RoomSocket, error: RoomError, ack?: (a: Ack) => void) {
		socket.emit('room:error', error);
		ack?.({ ok: false, error });
	}

	type Handler<S extends z.ZodType> = (ctx: { socket: RoomSocket; room: LiveRoom; payload: z.output<S> }) => Promise<void>;

	/** Registers a room event: payload validated, meeting joined, run in the meeting's queue. */
	function on<S extends z.ZodType>(socket: RoomSocket, event: keyof ClientToServerEvents, schema: S, handler: Handler<S>) {
		(socket as unknown as { on(e: string, fn: (...args: unknown[]) => void): void }).on(event, (...args: unknown[]) => {
			if (congested(socket)) return drop(socket);
			const last = args[args.length - 1];
			const ack = typeof last === 'function' ? (last as (a: Ack) => void) : undefined;
			const raw = ack ? args.slice(0, -1)[0] : args[0];
			const parsed = schema.safeParse(raw);
			if (!parsed.success) return refuse(socket, roomError(event, parsed.error), ack);
			const meetingId = socket.data.meetingId;
			const room = meetingId ? rooms.get(meetingId) : undefined;
			if (!meetingId || !room) return refuse(socket, { event, code: 'not_joined', message: 'Join a meeting first' }, ack);
			const run = counted(socket, () => serially(meetingId, () => handler({ socket, room, payload: parsed.data })));
			if (!run) return refuse(socket, BUSY(event), ack);
			run.then(
				() => ack?.({ ok: true }),
				(err) => refuse(socket, roomError(event, err), ack)
			);
		});
	}

	function leaveRoom(socket: RoomSocket) {
		const meetingId = socket.data.meetingId;
		// at shutdown the database closes right after us: nobody is left to tell
		if (!meetingId || closing) return;
		socket.data.meetingId = null;
		void socket.leave(channel(meetingId));
		const room = rooms.get(meetingId);
		if (!room) return;
		serially(meetingId, async () => {
			const gone = room.leave(socket.id);
			if (room.empty) {
				// Nothing in memory matters once everyone has left, except for a reconnect moments later.
				rooms.delete(meetingId);
				return;
			}
			if (gone) await broadcastState(room);
		}).catch((err) => console.error('room: leaving failed', err));
	}

	io.use(handshake(db, publicOrigin));

	io.on('connection', (socket: RoomSocket) => {
		const actor = socket.data.actor;
		const who = { personId: actor.personId, name: actor.name, side: isSupplier(actor) ? ('supplier' as const) : ('customer' as const) };

		(socket as unknown as { on(e: 'room:join', fn: (...args: unknown[]) => void): void }).on('room:join', (...args: unknown[]) => {
			if (congested(socket)) return drop(socket);
			const last = args[args.length - 1];
			const ack = typeof last === 'function' ? (last as (a: Ack) => void) : undefined;
			const parsed = JoinPayload.safeParse(ack ? args.slice(0, -1)[0] : args[0]);
			if (!parsed.success) return refuse(socket, roomError('room:join', parsed.error), ack);
			const { meetingId } = parsed.data;
			// The same policy as HTTP: another customer's meeting is "not found" like an unknown id.
			const run = counted(socket, () =>
				roomContext(db, actor, meetingId).then(async () => {
					if (socket.data.meetingId && socket.data.meetingId !== meetingId) leaveRoom(socket);
					if (!socket.connected) return;
					await serially(meetingId, async () => {
						let room = rooms.get(meetingId);
						if (!room) rooms.set(meetingId, (room = new LiveRoom(meetingId)));
						socket.data.meetingId = meetingId;
						await socket.join(channel(meetingId));
						const joined = !room.isPresent(who.personId);
						room.join(socket.id, who);
						socket.emit('room:you', await youIn(db, actor, meetingId));
						if (joined) await broadcastState(room);
						else socket.emit('room:state', await roomState(db, room));
					});
				})
			);
			if (!run) return refuse(socket, BUSY('room:join'), ack);
			run.then(
				() => ack?.({ ok: true }),
				(err) => refuse(socket, roomError('room:join', err), ack)
			);
		});

		on(socket, 'present:start', EmptyPayload, async ({ room }) => {
			authorizeIn(actor, 'meeting.present', await roomContext(db, actor, room.meetingId));
			room.startPresenting(actor.personId);
			io.to(channel(room.meetingId)).emit('room:slide', { slide: room.slide, presenting: true, presenterId: actor.personId });
			await broadcastState(room);
		});

		on(socket, 'present:stop', EmptyPayload, async ({ room }) => {
			authorizeIn(actor, 'meeting.present', await roomContext(db, actor, room.meetingId));
			room.stopPresenting();
			io.to(channel(room.meetingId)).emit('room:slide', { slide: room.slide, presenting: false, presenterId: null });
			await broadcastState(room);
		});

		on(socket, 'slide:go', SlidePayload, async ({ room, payload }) => {
			authorizeIn(actor, 'meeting.present', await roomContext(db, actor, room.meetingId));
			// Moving the slides takes the presentation over (the chair stepping in).
			if (!room.presenting || room.presenterId !== actor.personId) room.startPresenting(actor.personId);
			room.goTo(payload.slide);
			io.to(channel(room.meetingId)).emit('room:slide', { slide: room.slide, presenting: true, presenterId: actor.personId });
		});

		on(socket, 'present:pass', PassPresenterPayload, async ({ room, payload }) => {
			await passPresenter(db, actor, room.meetingId, payload);
			if (room.presenting) room.startPresenting(payload.personId);
			await refreshRights(room);
			await broadcastState(room);
		});

		on(socket, 'duty:assign', DutyPayload, async ({ room, payload }) => {
			await handOverDuty(db, actor, room.meetingId, payload);
			// the presenter duty handed over mid-presentation hands the slides over too
			if (payload.duty === 'presenter' && room.presenting && payload.personId) room.startPresenting(payload.personId);
			await refreshRights(room);
			await broadcastState(room);
		});

		on(socket, 'item:set', ItemPayload, async ({ room, payload }) => {
			await setCurrentItem(db, actor, room.meetingId, payload, documents);
			await broadcastState(room);
		});

		on(socket, 'timer:restart', EmptyPayload, async ({ room }) => {
			await restartItemTimer(db, actor, room.meetingId);
			await broadcastState(room);
		});

		on(socket, 'meeting:start', EmptyPayload, async ({ room }) => {
			await startMeeting(db, actor, room.meetingId);
			await broadcastState(room);
		});

		on(socket, 'meeting:end', EmptyPayload, async ({ room }) => {
			await endMeeting(db, actor, room.meetingId);
			await broadcastState(room);
		});

		on(socket, 'hand:raise', EmptyPayload, async ({ room }) => {
			room.raiseHand(who, nowIso());
			await broadcastState(room);
		});

		on(socket, 'hand:lower', HandPayload, async ({ room, payload }) => {
			const personId = payload.personId ?? actor.personId;
			// Anyone lowers their own hand; the chair lowers others' (gives the floor).
			if (personId !== actor.personId) authorizeIn(actor, 'meeting.run', await roomContext(db, actor, room.meetingId));
			if (room.lowerHand(personId)) await broadcastState(room);
		});

		on(socket, 'note:set', NotePayload, async ({ room, payload }) => {
			const note = await setSlideNote(db, actor, room.meetingId, payload);
			socket.to(channel(room.meetingId)).emit('room:note', { ...note, by: actor.personId });
		});

		on(socket, 'vote:open', VoteOpenPayload, async ({ room, payload }) => {
			await openVote(db, actor, room.meetingId, payload);
			await broadcastState(room);
		});

		on(socket, 'vote:cast', VoteCastPayload, async ({ room, payload }) => {
			await castVote(db, actor, room.meetingId, payload);
			await broadcastState(room);
		});

		on(socket, 'vote:close', VoteClosePayload, async ({ room, payload }) => {
			await closeVote(db, actor, room.meetingId, payload);
			await broadcastState(room);
		});

		socket.onAny((event: string, ...args: unknown[]) => {
			if (KNOWN_EVENTS.has(event)) return;
			const last = args[args.length - 1];
			refuse(socket, { event, code: 'invalid', message: 'Unknown event' }, typeof last === 'function' ? (last as (a: Ack) => void) : undefined);
		});

		socket.on('disconnect', () => leaveRoom(socket));
	});

	// Broadcasts pile up for a participant who stopped reading even if it sends nothing.
	const sweep = setInterval(() => {
		for (const socket of io.sockets.sockets.values() as Iterable<RoomSocket>) if (congested(socket)) drop(socket);
	}, 1_000);
	sweep.unref();

	// Sessions end and access changes while a socket stays open: re-check them.
	const recheck = setInterval(() => {
		for (const socket of io.sockets.sockets.values() as Iterable<RoomSocket>) {
			const { sessionToken, actor, meetingId } = socket.data;
			lookupSession(db, sessionToken)
				.then(async (session) => {
					if (!session) throw forbidden('session ended');
					if (meetingId) await roomContext(db, actor, meetingId);
				})
				.catch(() => {
					socket.emit('room:error', { event: 'session', code: 'unauthenticated', message: 'Session ended or access changed' });
					socket.disconnect(true);
				});
		}
	}, recheckMs);
	recheck.unref();

	return {
		io,
		get rooms() {
			return rooms.size;
		},
		async close() {
			closing = true;
			clearInterval(recheck);
			clearInterval(sweep);
			await new Promise<void>((resolve) => {
				io.close(() => resolve());
			});
		}
	};
}

const KNOWN_EVENTS = new Set<string>([
	'room:join',
	'present:start',
	'present:stop',
	'present:pass',
	'slide:go',
	'duty:assign',
	'item:set',
	'timer:restart',
	'meeting:start',
	'meeting:end',
	'hand:raise',
	'hand:lower',
	'note:set',
	'vote:open',
	'vote:cast',
	'vote:close'
] satisfies (keyof ClientToServerEvents)[]);
