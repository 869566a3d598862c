/**
 * Node clients of the live room: the stock socket.io-client (what the browser
 * runs) over the websocket transport, with the session cookie on the
 * handshake. Records every state, slide and error the server sends.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, RoomError, RoomState, ServerToClientEvents, SlideEvent, You } from '../../src/lib/realtime/room/events';
import { applySlide, applyState, noRevisionsSeen } from '../../src/lib/realtime/room/ordering';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RoomClient {
	socket: RoomSocket;
	/** every room:state received, in arrival order */
	states: RoomState[];
	slides: SlideEvent[];
	errors: RoomError[];
	you: You | null;
	/** the room as the browser shows it: broadcasts applied by revision, as room-connection does */
	readonly state: RoomState | null;
	/** emits and resolves with the server's acknowledgement */
	send<E extends keyof ClientToServerEvents>(event: E, payload?: unknown): Promise<Ack>;
	/** sends anything at all, bypassing the types (malformed payloads) */
	raw(event: string, ...args: unknown[]): Promise<Ack>;
	join(meetingId: string): Promise<Ack>;
	close(): void;
}

export interface RoomClientOptions {
	origin?: string;
	reconnection?: boolean;
	/** re-join this meeting after every reconnect, as the browser client does */
	rejoin?: string;
}

export function roomClient(baseUrl: string, cookie: string, opts: RoomClientOptions = {}): RoomClient {
	const headers: Record<string, string> = {};
	if (cookie) headers.cookie = cookie;
	if (opts.origin) headers.origin = opts.origin;
	const socket: RoomSocket = io(baseUrl, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: headers,
		reconnection: opts.reconnection ?? false,
		reconnectionDelay: 100,
		reconnectionDelayMax: 300,
		forceNew: true
	});
	let current: RoomState | null = null;
	let seen = noRevisionsSeen();
	const client: RoomClient = {
		socket,
		states: [],
		slides: [],
		errors: [],
		you: null,
		get state() {
			return current;
		},
		send(event, payload) {
			return client.raw(event, payload);
		},
		raw(event, ...args) {
			return new Promise<Ack>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no answer to ${event}`)), 10_000);
				(socket.emit as (e: string, ...a: unknown[]) => void)(event, ...args, (ack: Ack) => {
					clearTimeout(timer);
					resolve(ack);
				});
			});
		},
		join(meetingId) {
			return client.send('room:join', { meetingId });
		},
		close() {
			socket.disconnect();
		}
	};
	socket.on('connect', () => (seen = noRevisionsSeen()));
	socket.on('room:state', (s) => {
		client.states.push(s);
		current = applyState(current, s, seen) ?? current;
	});
	socket.on('room:slide', (s) => {
		client.slides.push(s);
		current = applySlide(current, s, seen) ?? current;
	});
	socket.on('room:error', (e) => client.errors.push(e));
	socket.on('room:you', (y) => (client.you = y));
	if (opts.rejoin) {
		const meetingId = opts.rejoin;
		socket.on('connect', () => socket.emit('room:join', { meetingId }));
	}
	return client;
}

/** Resolves once connected; rejects with the connect error (its `data.code`). */
export function connected(client: RoomClient, timeoutMs = 10_000): Promise<void> {
	return new Promise((resolve, reject) => {
		if (client.socket.connected) return resolve();
		const timer = setTimeout(() => reject(new Error('not connected in time')), timeoutMs);
		client.socket.once('connect', () => {
			clearTimeout(timer);
			resolve();
		});
		client.socket.once('connect_error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
	});
}

export async function until(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
	const start = Date.now();
	while (!predicate()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}
