/**
 * The one websocket upgrade router of the process. Today it serves the collab
 * server on /collab/*; every other upgrade is left alone for its owner
 * (socket.io, Vite's HMR in development).
 *
 * Refusals complete the handshake and then close with a named code (4401,
 * 4403, 4404): browsers hide the HTTP status of a failed handshake, while a
 * close code reaches the page, and the stock client stops retrying on 44xx.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Db } from '$lib/server/db';
import { concerns, onAccessChange } from '$lib/server/domain/tenancy/access-events';
import { CloseCode } from '$lib/realtime/protocol';
import { AccessCache } from './collab/access-cache';
import { authorizeUpgrade, isCollabPath, recheckConnection } from './collab/authorize-upgrade';
import { CollabConnection } from './collab/connection';
import { DEFAULT_COLLAB_OPTIONS, type CollabOptions } from './collab/options';
import { DocumentRegistry } from './collab/registry';
import { eachInTurns, inTurn } from '$lib/server/event-loop-turn';

export interface Realtime {
	/** Handles an upgrade the caller has routed here (a /collab/ path). */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Graceful shutdown: close connections (1001), commit and compact every document. */
	close(): Promise<void>;
	/** live documents in memory (for tests and metrics) */
	readonly documents: number;
}

export interface RealtimeDeps {
	db: Db;
	options?: Partial<CollabOptions>;
	/** the site's public origin, for the websocket Origin check */
	publicOrigin?: string;
	/** the process's live documents, shared with the domain (server-side changes, projection) */
	registry?: DocumentRegistry;
}

export function createRealtime({ db, options, publicOrigin, registry: shared }: RealtimeDeps): Realtime {
	const opts: CollabOptions = { ...DEFAULT_COLLAB_OPTIONS, ...options };
	// Frames above twice the limit are cut off by ws itself (close 1009) without
	// buffering them; between the limit and that we close with our own 4413.
	const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes * 2, perMessageDeflate: false });
	const registry = shared ?? new DocumentRegistry(db, opts);
	const connections = new Set<CollabConnection>();
	let closing = false;

	// Decisions read within the re-check interval, forgotten at once when access changes (below).
	const decisions = new AccessCache(opts.recheckMs);
	// Sessions end (logout, password or access change) and forum membership
	// changes while a socket stays open: re-check every open connection.
	const recheckOne = (conn: CollabConnection) =>
		recheckConnection(db, conn.sessionToken, conn.target, conn.access, decisions).then(
			(refusal) => refusal && conn.close(refusal.code, refusal.reason),
			(err) => console.error('collab: re-checking a connection failed', err)
		);
	const recheck = setInterval(() => eachInTurns(connections, recheckOne), opts.recheckMs);
	recheck.unref();
	// A document locked for everyone (approved minutes): re-check its connections now.
	const onAccessChanged = (docName: string) => {
		decisions.dropDocument(docName);
		for (const conn of connections) if (conn.target.name === docName) void recheckOne(conn);
	};
	registry.accessListeners.add(onAccessChanged);
	// A session ended, an account or token lost its rights, a forum's members changed (here or on
	// another instance): the decisions kept about it are forgotten, and the connections concerned
	// re-check now, ahead of anything they send next.
	const stopAccessEvents = onAccessChange((change) => {
		decisions.drop(change);
		for (const conn of connections) {
			const holder = { personId: conn.actor.personId, credential: conn.sessionToken, forumId: conn.target.forumId, meetingId: conn.target.meetingId };
			if (!concerns(change, holder)) continue;
			conn.recheckInOrder(() =>
				recheckConnection(db, conn.sessionToken, conn.target, conn.access, decisions).catch((err: unknown) => {
					console.error('collab: re-checking a connection failed', err);
					return null;
				})
			);
		}
	});

	function onAuthorized(req: IncomingMessage, socket: Duplex, head: Buffer, decision: Awaited<ReturnType<typeof authorizeUpgrade>>) {
		if (socket.destroyed) return;
		wss.handleUpgrade(req, socket, head, (ws) => {
			if (closing) return ws.close(CloseCode.goingAway, 'server shutting down');
			if (!decision.ok) return ws.close(decision.code, decision.reason);
			const { target, actor, access, sessionToken } = decision;
			const conn = new CollabConnection(ws, actor, access, sessionToken, target, opts.maxMessageBytes, opts.maxBufferedBytes, (c) => {
				connections.delete(c);
				const doc = c.document;
				if (doc) {
					doc.leave(c);
					registry.release(doc);
				}
			});
			connections.add(conn);
			conn.start(() => registry.acquire(target));
		});
	}

	return {
		handleUpgrade(req, socket, head) {
			socket.on('error', () => socket.destroy());
			if (closing) {
				socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
				return;
			}
			// A burst of upgrades is spread over turns of the event loop, as many per turn as its budget allows (event-loop-turn.ts).
			inTurn(() => authorizeUpgrade(db, req, publicOrigin, decisions)).then(
				(decision) => onAuthorized(req, socket, head, decision),
				(err) => {
					console.error('collab: upgrade failed', err);
					socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n');
				}
			);
		},
		async close() {
			closing = true;
			clearInterval(recheck);
			registry.accessListeners.delete(onAccessChanged);
			stopAccessEvents();
			for (const c of [...connections]) c.close(CloseCode.goingAway, 'server shutting down');
			await registry.closeAll();
			for (const ws of wss.clients) ws.terminate();
			await new Promise<void>((r) => wss.close(() => r()));
		},
		get documents() {
			return registry.size;
		}
	};
}

/** Routes the http server's /collab/ upgrades to a new Realtime; leaves the rest alone. */
export function attachRealtime(server: Server, deps: RealtimeDeps): Realtime {
	const realtime = createRealtime(deps);
	server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		if (isCollabPath(req.url)) realtime.handleUpgrade(req, socket, head);
	});
	return realtime;
}
