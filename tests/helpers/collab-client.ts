/**
 * Node clients of the collab server: the stock y-websocket WebsocketProvider
 * (what the browser runs), with the `ws` package as WebSocket and the session
 * cookie set on the handshake, plus a raw socket for protocol-level tests.
 */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { installFlushBarrier, type BarrierProvider, type FlushResult } from '../../src/lib/realtime/flush-barrier';
import { MessageType } from '../../src/lib/realtime/protocol';

// Each provider adds a process 'exit' listener; tests and the bench run dozens at once.
process.setMaxListeners(500);

/** A `ws` WebSocket class that sends this Cookie header (browsers do it themselves), or an integration's bearer token. */
export function webSocketWithCookie(cookie: string, bearer?: string) {
	const headers: Record<string, string> = {};
	if (cookie) headers.cookie = cookie;
	if (bearer) headers.authorization = `Bearer ${bearer}`;
	return class CookieWebSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	};
}

export interface CollabClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** resolves once everything this client sent is committed ('saved') or known dropped ('dropped': it may not write) */
	flush(): Promise<FlushResult>;
	/** resolves with the close code once the server closes the connection */
	closed: Promise<{ code: number; reason: string }>;
	destroy(): void;
}

export function collabUrl(baseUrl: string): string {
	return baseUrl.replace(/^http/, 'ws') + '/collab';
}

export interface ConnectOptions {
	connect?: boolean;
	/** carry on with an existing document and presence (a client moved to another instance, as a load balancer would) */
	doc?: Y.Doc;
	awareness?: Awareness;
	/** an API token instead of (or beside) the cookie: `Authorization: Bearer` on the handshake */
	bearer?: string;
}

export function connectClient(baseUrl: string, docName: string, cookie: string, opts: ConnectOptions = {}): CollabClient {
	const doc = opts.doc ?? new Y.Doc();
	const provider = new WebsocketProvider(collabUrl(baseUrl), docName, doc, {
		...(opts.awareness ? { awareness: opts.awareness } : {}),
		// ws's WebSocket is what the provider needs at run time; its types differ from the DOM's.
		WebSocketPolyfill: webSocketWithCookie(cookie, opts.bearer) as unknown as typeof globalThis.WebSocket,
		// Several clients share this process: without this they would sync through
		// a local BroadcastChannel and never need the server.
		disableBc: true,
		connect: opts.connect ?? true,
		maxBackoffTime: 300
	});
	const flush = installFlushBarrier(provider as unknown as BarrierProvider);
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		provider.on('connection-close', (event) => {
			if (event) resolve({ code: event.code, reason: String(event.reason ?? '') });
		});
	});
	return {
		doc,
		provider,
		flush,
		closed,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export function synced(client: CollabClient, timeoutMs = 10_000): Promise<void> {
	if (client.provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
		client.provider.once('sync', (ok: boolean) => {
			if (ok) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
}

/** Polls until the predicate holds (edits travel asynchronously). */
export async function eventually(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
	const start = Date.now();
	while (!predicate()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** The same for a check that has to ask something (the database) each time. */
export async function eventuallyAsync(predicate: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
	const start = Date.now();
	while (!(await predicate())) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** A raw websocket to /collab/<docName>: for handshake refusals and garbage frames. */
export function rawSocket(baseUrl: string, docName: string, cookie: string) {
	const ws = new WebSocket(`${collabUrl(baseUrl)}/${docName}`, cookie ? { headers: { cookie } } : {});
	const messages: Buffer[] = [];
	ws.on('message', (data) => messages.push(data as Buffer));
	ws.on('error', () => {});
	const opened = new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('close', () => reject(new Error('closed before open')));
	});
	opened.catch(() => {});
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	return { ws, messages, opened, closed };
}

/**
 * An awareness message as a client of the y-websocket protocol sends it, with
 * whatever client ids, clocks and states the test wants (forged ones included).
 */
export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, entries.length);
	for (const { clientId, clock, state } of entries) {
		encoding.writeVarUint(inner, clientId);
		encoding.writeVarUint(inner, clock);
		encoding.writeVarString(inner, JSON.stringify(state));
	}
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.awareness);
	encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
	return encoding.toUint8Array(e);
}
