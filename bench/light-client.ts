/**
 * A lightweight protocol client for the benchmark. It speaks the same
 * y-websocket protocol as the stock provider (SyncStep1/2, updates, our flush
 * barrier) and its edits are real Yjs updates from its own Y.Doc, so the server
 * does exactly the work a browser would cause. What it skips is integrating
 * everyone else's updates into a local doc: it only decodes each relayed update
 * to read the timestamp in it. Fifty full clients in one bench process would
 * otherwise measure the bench's own CPU, not the server.
 */
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from '../src/lib/realtime/protocol';
import { collabUrl } from '../tests/helpers/collab-client';

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export class LightClient {
	readonly doc = new Y.Doc();
	readonly synced: Promise<void>;
	private readonly ws: WebSocket;
	private nextBarrier = 1;
	private readonly barriers = new Map<number, () => void>();

	constructor(
		baseUrl: string,
		docName: string,
		cookie: string,
		/** called with each update relayed by the server (from other clients) */
		private readonly onUpdate: (update: Uint8Array) => void
	) {
		this.ws = new WebSocket(`${collabUrl(baseUrl)}/${docName}`, { headers: { cookie } });
		this.ws.binaryType = 'nodebuffer';
		let markSynced!: () => void;
		this.synced = new Promise((r) => (markSynced = r));
		this.ws.on('open', () => {
			const e = encoding.createEncoder();
			encoding.writeVarUint(e, MessageType.sync);
			encoding.writeVarUint(e, SYNC_STEP1);
			encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
			this.ws.send(encoding.toUint8Array(e));
		});
		this.ws.on('message', (data: Buffer) => {
			const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
			const type = decoding.readVarUint(d);
			if (type === MessageType.flushBarrier) {
				const id = decoding.readVarUint(d);
				this.barriers.get(id)?.();
				this.barriers.delete(id);
			} else if (type === MessageType.sync) {
				const step = decoding.readVarUint(d);
				if (step === SYNC_STEP1) {
					// The server asks for what we have that it lacks.
					const e = encoding.createEncoder();
					encoding.writeVarUint(e, MessageType.sync);
					encoding.writeVarUint(e, SYNC_STEP2);
					encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, decoding.readVarUint8Array(d)));
					this.ws.send(encoding.toUint8Array(e));
				} else if (step === SYNC_STEP2) {
					markSynced();
				} else if (step === SYNC_UPDATE) {
					this.onUpdate(decoding.readVarUint8Array(d));
				}
			}
		});
		this.ws.on('error', () => {});
		this.doc.on('update', (update: Uint8Array) => {
			const e = encoding.createEncoder();
			encoding.writeVarUint(e, MessageType.sync);
			encoding.writeVarUint(e, SYNC_UPDATE);
			encoding.writeVarUint8Array(e, update);
			this.ws.send(encoding.toUint8Array(e));
		});
	}

	flush(): Promise<void> {
		return new Promise((resolve) => {
			const id = this.nextBarrier++;
			this.barriers.set(id, resolve);
			const e = encoding.createEncoder();
			encoding.writeVarUint(e, MessageType.flushBarrier);
			encoding.writeVarUint(e, id);
			this.ws.send(encoding.toUint8Array(e));
		});
	}

	close(): void {
		this.ws.close();
		this.doc.destroy();
	}
}

/**
 * The JSON values (ContentAny) an update inserts, read without applying it. Not
 * keyed: an item that follows an earlier one of the same key does not carry
 * its key on the wire, so the values themselves say whose they are.
 */
export function valuesIn(update: Uint8Array): unknown[] {
	const out: unknown[] = [];
	for (const struct of Y.decodeUpdate(update).structs) {
		if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) out.push(...struct.content.arr);
	}
	return out;
}
