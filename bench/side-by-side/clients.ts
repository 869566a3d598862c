/**
 * The bench's clients, behind one small interface. Each server's own stock client:
 *   samverkan    y-websocket's WebsocketProvider, session cookie, /collab/<doc>
 *   y-websocket  the same provider, no cookie, /<doc>
 *   hocuspocus   @hocuspocus/provider's HocuspocusProvider, one socket per client
 * Every client integrates every update it receives, like a browser does.
 */
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { webSocketWithCookie } from '../../tests/helpers/collab-client';

export type ServerKind = 'samverkan' | 'y-websocket' | 'hocuspocus';

export interface BenchClient {
	doc: Y.Doc;
	/** ms from creation to the socket being open */
	connected: Promise<number>;
	/** ms from creation to the initial sync being complete */
	synced: Promise<number>;
	/** light clients: bytes of the document state the initial sync brought (the server's encoded Y.Doc) */
	received?: { syncBytes: number };
	close(): void;
}

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export function connectBenchClient(server: ServerKind, wsBase: string, cookie: string, docName: string): BenchClient {
	const doc = new Y.Doc();
	const start = nowMs();
	let onConnected!: (ms: number) => void;
	let onSynced!: (ms: number) => void;
	const connected = new Promise<number>((r) => (onConnected = r));
	const synced = new Promise<number>((r) => (onSynced = r));
	let destroy: () => void;
	if (server === 'hocuspocus') {
		const provider = new HocuspocusProvider({
			url: wsBase,
			name: docName,
			document: doc,
			// passed on to the HocuspocusProviderWebsocket it creates (Node 20 has no global WebSocket)
			WebSocketPolyfill: WebSocket
		} as ConstructorParameters<typeof HocuspocusProvider>[0]);
		provider.on('status', ({ status }: { status: string }) => status === 'connected' && onConnected(nowMs() - start));
		provider.on('synced', () => onSynced(nowMs() - start));
		destroy = () => provider.destroy();
	} else {
		const provider = new WebsocketProvider(wsBase, docName, doc, {
			WebSocketPolyfill: (cookie ? webSocketWithCookie(cookie) : WebSocket) as unknown as typeof globalThis.WebSocket,
			// all clients share this process: without this they would sync locally
			disableBc: true
		});
		provider.on('status', ({ status }: { status: string }) => status === 'connected' && onConnected(nowMs() - start));
		provider.on('sync', (ok: boolean) => ok && onSynced(nowMs() - start));
		destroy = () => provider.destroy();
	}
	return {
		doc,
		connected,
		synced,
		close: () => {
			destroy();
			doc.destroy();
		}
	};
}

/**
 * A light protocol client (the approach of bench/light-client.ts, for all three
 * servers): it sends the same messages as the stock client and its edits are
 * real Yjs updates from its own Y.Doc, but it does not integrate what it
 * receives; it only decodes each relayed update to read the values in it. So
 * many clients in one generator measure the servers, not the generator.
 * Hocuspocus frames every message with the document name and expects an
 * authentication message first; the y-websocket protocol (Samverkan and the
 * reference) has neither.
 */
export function connectLightClient(
	server: ServerKind,
	wsBase: string,
	cookie: string,
	docName: string,
	/** each update relayed to this client */
	onUpdate: (update: Uint8Array) => void
): BenchClient {
	const doc = new Y.Doc();
	const start = nowMs();
	const hocuspocus = server === 'hocuspocus';
	const ws = new WebSocket(hocuspocus ? wsBase : `${wsBase}/${docName}`, cookie ? { headers: { cookie } } : {});
	ws.binaryType = 'nodebuffer';
	ws.on('error', () => {});
	const message = (write: (e: encoding.Encoder) => void) => {
		const e = encoding.createEncoder();
		if (hocuspocus) encoding.writeVarString(e, docName);
		write(e);
		return encoding.toUint8Array(e);
	};
	let onConnected!: (ms: number) => void;
	let onSynced!: (ms: number) => void;
	const connected = new Promise<number>((r) => (onConnected = r));
	const synced = new Promise<number>((r) => (onSynced = r));
	const received = { syncBytes: 0 };
	ws.on('open', () => {
		onConnected(nowMs() - start);
		// Hocuspocus: an (empty) token first, as its provider sends; messages before it are queued.
		if (hocuspocus) ws.send(message((e) => (encoding.writeVarUint(e, HOCUSPOCUS_AUTH), encoding.writeVarUint(e, 0), encoding.writeVarString(e, ''))));
		ws.send(message((e) => (encoding.writeVarUint(e, SYNC), encoding.writeVarUint(e, SYNC_STEP1), encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)))));
	});
	ws.on('message', (data: Buffer) => {
		const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		if (hocuspocus) decoding.readVarString(d);
		const type = decoding.readVarUint(d);
		if (type !== SYNC && type !== HOCUSPOCUS_SYNC_REPLY) return;
		const step = decoding.readVarUint(d);
		if (step === SYNC_STEP1) {
			// The server asks for what we have that it lacks.
			const sv = decoding.readVarUint8Array(d);
			ws.send(message((e) => (encoding.writeVarUint(e, SYNC), encoding.writeVarUint(e, SYNC_STEP2), encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, sv)))));
		} else if (step === SYNC_STEP2) {
			received.syncBytes = decoding.readVarUint8Array(d).byteLength;
			onSynced(nowMs() - start);
		} else if (step === SYNC_UPDATE) {
			onUpdate(decoding.readVarUint8Array(d));
		}
	});
	doc.on('update', (update: Uint8Array) => {
		if (ws.readyState === ws.OPEN) ws.send(message((e) => (encoding.writeVarUint(e, SYNC), encoding.writeVarUint(e, SYNC_UPDATE), encoding.writeVarUint8Array(e, update))));
	});
	return {
		doc,
		connected,
		synced,
		received,
		close: () => {
			ws.close();
			doc.destroy();
		}
	};
}

const SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
