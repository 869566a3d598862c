/**
 * The live meeting room: socket.io on the app's own http.Server, path
 * /socket.io, websocket transport only. One socket.io room per meeting.
 * Handlers stay thin: validate the payload, call the domain (which
 * authorizes with the duties held right now), then tell the room.
 *
 * Events of one meeting run one after another (a per-meeting queue), so two
 * quick slide changes or a handover racing a vote are applied in order.
 *
 * The room's live state (presence, presenter, slide, hands) is in a
 * `RoomStore`: in memory, or with Redis shared by every app instance, whose
 * sockets then all get each broadcast through socket.io's Redis adapter.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { z } from 'zod';
import type { Db } from '$lib/server/db';
import { partyOf } from '$lib/server/domain/actor';
import { nowIso } from '$lib/server/domain/ids';
import { castVote, closeVote, openVote } from '$lib/server/domain/room/cab.service';
import { meetingContext } from '$lib/server/domain/meeting-core/meeting-context';
import { goToPage, goToSlide, lowerHand, presentMaterial, startPresenting, stopPresenting } from '$lib/server/domain/room/presentation.service';
import { roomState, youIn } from '$lib/server/domain/room/room-view';
import { endMeeting, startMeeting } from '$lib/server/domain/meetings/lifecycle.service';
import type { DocumentStore } from '$lib/server/domain/collab/document-store';
import { handOverDuty, passPresenter, restartItemTimer, setCurrentItem, setSlideNote } from '$lib/server/domain/room/room.service';
import { concerns, onAccessChange } from '$lib/server/domain/tenancy/access-events';
import { lookupSession } from '$lib/server/domain/tenancy/sessions';
import { forbidden } from '$lib/server/domain/errors';
import { unreadCounts } from '$lib/server/domain/notifications/inbox.service';
import { eachInTurns } from '$lib/server/event-loop-turn';
import type { Ack, ClientToServerEvents, RoomError } from '$lib/realtime/room/events';
import { ROOM_PATH } from '$lib/realtime/room/events';
import {
	DutyPayload,
	EmptyPayload,
	PresentStartPayload,
	PresentMaterialPayload,
	PagePayload,
	HandPayload,
	ItemPayload,
	JoinPayload,
	NotePayload,
	PassPresenterPayload,
	SlidePayload,
	StartMeetingPayload,
	VoteCastPayload,
	VoteClosePayload,
	VoteOpenPayload
} from '$lib/realtime/room/schemas';
import { handshake, sessionTokenOf } from './handshake';
import { roomBackend, type RoomScaleOut } from './scale-out';
import { roomError } from './refusal';
import type { RoomIo, RoomSocket } from './types';

export interface RoomServerDeps {
	db: Db;
	publicOrigin?: string;
	/** how often open sockets re-check their session and meeting access */
	recheckMs?: number;
	/** the live shared documents: moving on marks the agenda item dealt with */
	documents?: DocumentStore;
	/** several app instances: the room's state and broadcasts go through Redis */
	scaleOut?: RoomScaleOut;
}

export interface RoomServer {
	readonly io: RoomIo;
	/** meetings with a socket on this instance (for tests and metrics) */
	readonly rooms: number;
	/** tells every open page of these people (on every instance) their bell's unread count */
	bellChanged(personIds: readonly string[]): Promise<void>;
	close(): Promise<void>;
}

const channel = (meetingId: string) => `meeting:${meetingId}`;
/** every socket of one person, whatever page it is on: their bell */
const personChannel = (personId: string) => `person:${personId}`;

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

export function attachRoom(server: HttpServer, { db, publicOrigin, recheckMs = 30_000, documents, scaleOut }: RoomServerDeps): RoomServer {
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
	const backend = roomBackend(io, scaleOut);
	const store = backend.store;
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

	/** The room as it is now, with a revision taken before reading it (clients drop older broadcasts). */
	const stateOf = async (meetingId: string) => {
		const revision = await store.revise(meetingId);
		return roomState(db, meetingId, store.snapshot(meetingId), revision);
	};
	const broadcastState = async (meetingId: string) => io.to(channel(meetingId)).emit('room:state', await stateOf(meetingId));

	// Another instance died (its participants dropped out) or Redis lost the room and it was restored.
	store.onOutsideChange((meetingId) => {
		if (closing) return;
		serially(meetingId, () => broadcastState(meetingId)).catch((err) => console.error('room: broadcast failed', err));
	});

	/** Duties changed: everyone's own rights may have too (on every instance: fetchSockets asks them all). */
	async function refreshRights(meetingId: string) {
		const sockets = await io.in(channel(meetingId)).fetchSockets();
		const byPerson = new Map<string, Promise<unknown>>();
		for (const s of sockets) {
			const actor = s.data.actor;
			const you = (byPerson.get(actor.personId) as Promise<Awaited<ReturnType<typeof youIn>>> | undefined) ?? youIn(db, actor, meetingId);
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

	type Handler<S extends z.ZodType> = (ctx: { socket: RoomSocket; meetingId: string; payload: z.output<S> }) => Promise<void>;

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
			if (!meetingId || !store.hasLocal(meetingId)) return refuse(socket, { event, code: 'not_joined', message: 'Join a meeting first' }, ack);
			const run = counted(socket, () => serially(meetingId, () => handler({ socket, meetingId, payload: parsed.data })));
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
		socket.data.forumId = null;
		void socket.leave(channel(meetingId));
		serially(meetingId, async () => {
			if (await store.leave(meetingId, socket.id)) await broadcastState(meetingId);
		}).catch((err) => console.error('room: leaving failed', err));
	}

	io.use(handshake(db, publicOrigin));

	io.on('connection', (socket: RoomSocket) => {
		const actor = socket.data.actor;
		const who = { personId: actor.personId, name: actor.name, side: partyOf(actor) };
		void socket.join(personChannel(actor.personId));

		(socket as unknown as { on(e: 'room:join', fn: (...args: unknown[]) => void): void }).on('room:join', (...args: unknown[]) => {
			if (congested(socket)) return drop(socket);
			const last = args[args.length - 1];
			const ack = typeof last === 'function' ? (last as (a: Ack) => void) : undefined;
			const parsed = JoinPayload.safeParse(ack ? args.slice(0, -1)[0] : args[0]);
			if (!parsed.success) return refuse(socket, roomError('room:join', parsed.error), ack);
			const { meetingId } = parsed.data;
			// The same policy as HTTP: another customer's meeting is "not found" like an unknown id.
			const run = counted(socket, () =>
				meetingContext(db, actor, meetingId).then(async (ctx) => {
					if (socket.data.meetingId && socket.data.meetingId !== meetingId) leaveRoom(socket);
					if (!socket.connected) return;
					await serially(meetingId, async () => {
						socket.data.meetingId = meetingId;
						socket.data.forumId = ctx.meeting.forum_id;
						await socket.join(channel(meetingId));
						const newcomer = await store.join(meetingId, socket.id, who);
						socket.emit('room:you', await youIn(db, actor, meetingId));
						if (newcomer) await broadcastState(meetingId);
						else socket.emit('room:state', await stateOf(meetingId));
					});
				})
			);
			if (!run) return refuse(socket, BUSY('room:join'), ack);
			run.then(
				() => ack?.({ ok: true }),
				(err) => refuse(socket, roomError('room:join', err), ack)
			);
		});

		on(socket, 'present:start', PresentStartPayload, async ({ meetingId, payload }) => {
			const now = await startPresenting(db, store, actor, meetingId, payload?.slide);
			io.to(channel(meetingId)).emit('room:slide', now);
			await broadcastState(meetingId);
		});

		on(socket, 'present:stop', EmptyPayload, async ({ meetingId }) => {
			const now = await stopPresenting(db, store, actor, meetingId);
			io.to(channel(meetingId)).emit('room:slide', now);
			await broadcastState(meetingId);
		});

		on(socket, 'slide:go', SlidePayload, async ({ meetingId, payload }) => {
			const now = await goToSlide(db, store, actor, meetingId, payload.slide);
			io.to(channel(meetingId)).emit('room:slide', now);
		});

		on(socket, 'present:material', PresentMaterialPayload, async ({ meetingId, payload }) => {
			const now = await presentMaterial(db, store, actor, meetingId, payload.materialId, payload.page);
			io.to(channel(meetingId)).emit('room:slide', now);
			await broadcastState(meetingId);
		});

		on(socket, 'page:go', PagePayload, async ({ meetingId, payload }) => {
			const now = await goToPage(db, store, actor, meetingId, payload.page);
			io.to(channel(meetingId)).emit('room:slide', now);
		});

		on(socket, 'present:pass', PassPresenterPayload, async ({ meetingId, payload }) => {
			await passPresenter(db, actor, meetingId, payload, store);
			await refreshRights(meetingId);
			await broadcastState(meetingId);
		});

		on(socket, 'duty:assign', DutyPayload, async ({ meetingId, payload }) => {
			await handOverDuty(db, actor, meetingId, payload, store);
			await refreshRights(meetingId);
			await broadcastState(meetingId);
		});

		on(socket, 'item:set', ItemPayload, async ({ meetingId, payload }) => {
			await setCurrentItem(db, actor, meetingId, payload, documents);
			await broadcastState(meetingId);
		});

		on(socket, 'timer:restart', EmptyPayload, async ({ meetingId }) => {
			await restartItemTimer(db, actor, meetingId);
			await broadcastState(meetingId);
		});

		on(socket, 'meeting:start', StartMeetingPayload, async ({ meetingId, payload }) => {
			await startMeeting(db, actor, meetingId, payload ?? {});
			await broadcastState(meetingId);
		});

		on(socket, 'meeting:end', EmptyPayload, async ({ meetingId }) => {
			await endMeeting(db, actor, meetingId);
			await broadcastState(meetingId);
		});

		on(socket, 'hand:raise', EmptyPayload, async ({ meetingId }) => {
			await store.raiseHand(meetingId, { ...who, at: nowIso() });
			await broadcastState(meetingId);
		});

		on(socket, 'hand:lower', HandPayload, async ({ meetingId, payload }) => {
			if (await lowerHand(db, store, actor, meetingId, payload.personId)) await broadcastState(meetingId);
		});

		on(socket, 'note:set', NotePayload, async ({ meetingId, payload }) => {
			const note = await setSlideNote(db, actor, meetingId, payload);
			socket.to(channel(meetingId)).emit('room:note', { ...note, by: actor.personId });
		});

		on(socket, 'vote:open', VoteOpenPayload, async ({ meetingId, payload }) => {
			await openVote(db, actor, meetingId, payload);
			await broadcastState(meetingId);
		});

		on(socket, 'vote:cast', VoteCastPayload, async ({ meetingId, payload }) => {
			await castVote(db, actor, meetingId, payload);
			await broadcastState(meetingId);
		});

		on(socket, 'vote:close', VoteClosePayload, async ({ meetingId, payload }) => {
			await closeVote(db, actor, meetingId, payload);
			await broadcastState(meetingId);
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

	/**
	 * Whether the socket's session still holds and it may still be in its
	 * meeting; if not, it is told and cut off. With `rights`, it is sent what it
	 * may do in the meeting now (its duties may have changed).
	 */
	async function recheckSocket(socket: RoomSocket, rights: boolean): Promise<void> {
		const { actor, meetingId } = socket.data;
		const token = sessionTokenOf(socket);
		try {
			const session = token ? await lookupSession(db, token) : null;
			if (!session) throw forbidden('session ended');
			if (!meetingId) return;
			if (rights) socket.emit('room:you', await youIn(db, actor, meetingId));
			else await meetingContext(db, actor, meetingId);
		} catch {
			socket.emit('room:error', { event: 'session', code: 'unauthenticated', message: 'Session ended or access changed' });
			socket.disconnect(true);
		}
	}

	// Sessions end and access changes while a socket stays open: the domain tells us at once
	// (access-events.ts, from every instance), and the periodic re-check below is the safety net.
	const stopAccessEvents = onAccessChange((change) => {
		if (closing) return;
		const meetings = new Set<string>();
		for (const socket of io.sockets.sockets.values() as Iterable<RoomSocket>) {
			const { actor, meetingId, forumId } = socket.data;
			if (!concerns(change, { personId: actor.personId, credential: sessionTokenOf(socket) ?? '', forumId, meetingId })) continue;
			if (!meetingId) {
				void recheckSocket(socket, false);
				continue;
			}
			meetings.add(meetingId);
			// in the meeting's order, so a control sent after the change is judged by it
			serially(meetingId, () => recheckSocket(socket, true)).catch((err) => console.error('room: re-check failed', err));
		}
		if (change.kind !== 'forum' && change.kind !== 'meeting') return;
		// Duties changed: who chairs, to this instance's participants (each instance tells its own).
		for (const meetingId of meetings) {
			serially(meetingId, async () => {
				io.local.to(channel(meetingId)).emit('room:state', await stateOf(meetingId));
			}).catch((err) => console.error('room: broadcast failed', err));
		}
	});

	const recheck = setInterval(() => eachInTurns(io.sockets.sockets.values() as Iterable<RoomSocket>, (socket) => recheckSocket(socket, false)), recheckMs);
	recheck.unref();

	return {
		io,
		get rooms() {
			return store.localRooms;
		},
		async bellChanged(personIds) {
			if (closing) return;
			for (const [personId, unread] of await unreadCounts(db, personIds)) io.to(personChannel(personId)).emit('notifications:changed', { unread });
		},
		async close() {
			closing = true;
			stopAccessEvents();
			clearInterval(recheck);
			clearInterval(sweep);
			await new Promise<void>((resolve) => {
				io.close(() => resolve());
			});
			await backend.close();
		}
	};
}

const KNOWN_EVENTS = new Set<string>([
	'room:join',
	'present:start',
	'present:stop',
	'present:pass',
	'present:material',
	'page:go',
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
