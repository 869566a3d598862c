/**
 * One websocket connection to one shared document. Decodes the y-websocket
 * protocol (sync, awareness, query-awareness) plus our flush barrier, strictly
 * in arrival order, and closes only itself on anything it does not accept.
 */
import type { WebSocket, RawData } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { partyOf, type Actor } from '$lib/server/domain/actor';
import type { DocumentAccess, DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { presenceIdentity, type PresenceIdentity } from '$lib/realtime/presence';
import { BarrierOutcome, CloseCode, MessageType } from '$lib/realtime/protocol';
import { CollabError } from './collab-error';
import type { LiveDocument, Peer } from './live-document';
import { SerialQueue } from './serial-queue';

/** Stop reading from a socket that has this many messages waiting, resume below LOW_WATER. */
const HIGH_WATER = 256;
const LOW_WATER = 32;
/** How long a peer dropped for being too slow gets to read its close frame. */
const SLOW_PEER_GRACE_MS = 2000;

export class CollabConnection implements Peer {
	readonly awarenessIds = new Set<number>();
	readonly presence: PresenceIdentity;
	private readonly queue: SerialQueue;
	private live: LiveDocument | null = null;
	private closed = false;
	private paused = false;
	/** the largest message sent so far (an initial sync may alone exceed the backlog limit) */
	private largestSent = 0;
	/** an update of this connection was dropped since the last flush barrier */
	private dropped = false;

	constructor(
		private readonly ws: WebSocket,
		readonly actor: Actor,
		readonly access: DocumentAccess,
		/** the session it was opened with, re-checked while it stays open */
		readonly sessionToken: string,
		readonly target: DocumentTarget,
		private readonly maxMessageBytes: number,
		private readonly maxBufferedBytes: number,
		private readonly onClose: (conn: CollabConnection) => void
	) {
		this.presence = presenceIdentity({ personId: actor.personId, name: actor.name, side: partyOf(actor) });
		this.queue = new SerialQueue((err) => this.fault(err));
		ws.on('message', (data, isBinary) => this.receive(data, isBinary));
		ws.on('close', () => this.closedByPeer());
		// ws emits 'error' (e.g. a frame above maxPayload) before closing; the close follows.
		ws.on('error', () => {});
	}

	get document(): LiveDocument | null {
		return this.live;
	}

	/** Runs the load step first: messages that arrive meanwhile wait behind it. */
	start(load: () => Promise<LiveDocument>): void {
		this.queue.push(async () => {
			const live = await load().catch((err) => {
				console.error('collab: loading a document failed', err);
				throw new CollabError(CloseCode.internalError, 'could not load the document');
			});
			this.live = live;
			// Gone while loading: hand the document back so it can be unloaded.
			if (this.closed) return this.onClose(this);
			live.join(this, this.access === 'write');
		});
	}

	send(message: Uint8Array): void {
		if (this.ws.readyState !== this.ws.OPEN) return;
		// ws queues whatever the peer has not read in this process's memory: a
		// peer that stops reading would grow it without bound. Drop it instead.
		if (this.ws.bufferedAmount > this.maxBufferedBytes + this.largestSent) {
			this.close(CloseCode.tooSlow, 'client too slow');
			// The close frame waits behind the backlog the peer is not reading.
			setTimeout(() => this.ws.terminate(), SLOW_PEER_GRACE_MS).unref();
			return;
		}
		this.largestSent = Math.max(this.largestSent, message.byteLength);
		this.ws.send(message);
	}

	/**
	 * Re-checks access in this connection's message order: whatever it sends
	 * from now on waits behind the check, and is never applied if the check
	 * closes it (access changed: an edit must not slip in meanwhile).
	 */
	recheckInOrder(check: () => Promise<{ code: number; reason: string } | null>): void {
		if (this.closed) return;
		this.queue.push(async () => {
			const refusal = await check();
			if (refusal) this.close(refusal.code, refusal.reason);
		});
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		this.ws.close(code, reason);
		this.shutdown();
	}

	private receive(data: RawData, isBinary: boolean): void {
		if (this.closed) return;
		const bytes = toBytes(data);
		if (bytes.byteLength > this.maxMessageBytes) {
			this.close(CloseCode.messageTooLarge, 'message too large');
			return;
		}
		if (!isBinary) {
			this.close(CloseCode.badMessage, 'binary frames only');
			return;
		}
		this.queue.push(() => this.handle(bytes));
		if (!this.paused && this.queue.length > HIGH_WATER) {
			this.paused = true;
			this.ws.pause();
			void this.resumeWhenDrained();
		}
	}

	private async resumeWhenDrained(): Promise<void> {
		while (this.queue.length > LOW_WATER && !this.closed) {
			await new Promise((r) => setTimeout(r, 5));
		}
		this.paused = false;
		if (!this.closed) this.ws.resume();
	}

	/** Handles one message; returns a promise only when a step has to wait (a flush barrier, an initial sync, a compaction). */
	private handle(bytes: Uint8Array): Promise<void> | void {
		const live = this.live;
		if (!live || this.closed) return;
		const decoder = decoding.createDecoder(bytes);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MessageType.sync:
				return this.handleSync(live, decoder);
			case MessageType.awareness:
				live.applyPeerAwareness(this, decoding.readVarUint8Array(decoder));
				return;
			case MessageType.queryAwareness: {
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, MessageType.awareness);
				encoding.writeVarUint8Array(
					encoder,
					awarenessProtocol.encodeAwarenessUpdate(live.awareness, [...live.awareness.getStates().keys()])
				);
				this.send(encoding.toUint8Array(encoder));
				return;
			}
			case MessageType.flushBarrier:
				return this.answerBarrier(live, decoding.readVarUint(decoder));
			default:
				throw new CollabError(CloseCode.badMessage, `unknown message type ${type}`);
		}
	}

	private async answerBarrier(live: LiveDocument, id: number): Promise<void> {
		// Messages run in order and every update before was staged in a group
		// commit, so everything this connection sent before is committed once the
		// current batch is, unless it was dropped: then the answer must not say "saved".
		await live.committed();
		const dropped = this.dropped || this.access !== 'write' || live.locked;
		this.dropped = false;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageType.flushBarrier);
		encoding.writeVarUint(encoder, id);
		encoding.writeVarUint(encoder, dropped ? BarrierOutcome.dropped : BarrierOutcome.committed);
		this.send(encoding.toUint8Array(encoder));
	}

	private handleSync(live: LiveDocument, decoder: decoding.Decoder): Promise<void> | void {
		const step = decoding.readVarUint(decoder);
		switch (step) {
			case syncProtocol.messageYjsSyncStep1:
				return this.sendInitialSync(live, decoding.readVarUint8Array(decoder));
			case syncProtocol.messageYjsSyncStep2:
			case syncProtocol.messageYjsUpdate: {
				const update = decoding.readVarUint8Array(decoder);
				// Read-only connections: their updates are dropped, never applied or
				// stored. We do not close them: the stock client sends its local state
				// on every sync, and a reader must still receive everyone's edits.
				if (this.access !== 'write') {
					this.dropped = true;
					return;
				}
				const accepted = live.submit(this, update);
				if (accepted instanceof Promise) {
					return accepted.then((ok) => {
						if (!ok) this.dropped = true;
					});
				}
				if (!accepted) this.dropped = true;
				return;
			}
			default:
				throw new CollabError(CloseCode.badMessage, `unknown sync step ${step}`);
		}
	}

	private async sendInitialSync(live: LiveDocument, stateVector: Uint8Array): Promise<void> {
		for (const message of await live.initialSyncFor(stateVector)) this.send(message);
	}

	private fault(err: unknown): void {
		if (err instanceof CollabError) {
			this.close(err.code, err.message.slice(0, 120));
		} else {
			// lib0 decoding errors ("Unexpected end of array", ...) and the like.
			this.close(CloseCode.badMessage, 'bad message');
		}
	}

	private closedByPeer(): void {
		this.shutdown();
	}

	private shutdown(): void {
		if (this.closed) return;
		this.closed = true;
		this.queue.stop();
		this.onClose(this);
	}
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
