/**
 * One shared document held in memory while anyone has it open: the Y.Doc, its
 * awareness (presence), the connections, and the write path.
 *
 * Write path (durable before relay, group commit):
 *   1. an update is validated and applied to the in-memory doc at once, so a
 *      malformed one fails here and never reaches the database;
 *   2. it joins the process-wide batch of this event-loop turn (GroupCommit),
 *      appended in ONE transaction at the end of the turn;
 *   3. only after that commit is each update relayed to the other connections.
 * Anything that reads the doc for a client (a SyncStep2 reply) is held back
 * until the batch current at that moment has committed, so no client ever
 * receives content that is not yet in the database.
 *
 * Several instances (fanout.ts): each commit is also published to the other
 * instances holding the document, and their commits arrive here through
 * `applyCommitted`: applied and relayed to our connections but never stored
 * again (they are in the database already). Our clients' presence is
 * published too, and theirs applied to our awareness.
 *
 * Presence cannot be forged (applyPeerAwareness): a connection's entries are
 * taken only for the awareness client ids it introduced, with the identity
 * fields (name, side, colour) of its signed-in person written over whatever it
 * sent; another instance's presence never touches the ids our connections own.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Db } from '$lib/server/db';
import { compactDocument, type LoadedDocument, type StoredState } from '$lib/server/domain/collab/document-storage';
import { CloseCode, MessageType } from '$lib/realtime/protocol';
import { CollabError } from './collab-error';
import type { CommitBatch, GroupCommit } from './group-commit';
import { localFanout, type DocumentFanout } from './fanout';
import type { CollabOptions } from './options';
import { decodePresence, encodePresence, withIdentity, type PresenceEntry } from './presence';
import { presencePersonId, type PresenceIdentity } from '$lib/realtime/presence';
import { giveWay, TURN_BUDGET_MS, turnSpent } from '$lib/server/event-loop-turn';
import { encodeStructsPart, missingFrom, structCount, STRUCTS_ENCODED_IN_ONE_GO } from './state-in-parts';

/** origin of changes that come from another instance (or the database): applied, relayed, never published or stored again */
export const REMOTE_ORIGIN = Symbol('remote instance');

/** What the document needs of a connection. */
export interface Peer {
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
	/** awareness client ids this connection introduced (it owns them), removed when it leaves */
	readonly awarenessIds: Set<number>;
	/** who is signed in on it, as its presence shows them */
	readonly presence: PresenceIdentity;
}

/** initial syncs kept per document for joiners with the same state vector (see initialSyncFor) */
const MAX_SYNC_REPLIES = 4;

/** Awareness client ids one connection may own (the stock client uses one per document). */
export const MAX_PRESENCE_IDS_PER_PEER = 4;

type Relay = { update: Uint8Array; origin: Peer | null };

export class LiveDocument {
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers = new Set<Peer>();
	storedBytes: number;
	logRows: number;
	/** set once the in-memory doc can no longer be trusted to match the database */
	failed = false;
	/** read-only for everyone (approved minutes): updates are dropped like a reader's */
	locked = false;
	idleTimer: ReturnType<typeof setTimeout> | null = null;
	/**
	 * Counts the transactions that changed one of `projectedRoots` (what the
	 * projection reads); the registry projects the document only when it moved.
	 */
	projectedChanges = 0;
	/** projectedChanges when the document was last handed to the projector */
	projectedSeen = 0;

	/** the process-wide batch our current relays belong to, and those relays */
	private batch: CommitBatch | null = null;
	private relays: Relay[] = [];
	/** what this document stores in that batch */
	private stored = { rows: 0, bytes: 0, updates: [] as Uint8Array[] };
	private compacting: Promise<void> | null = null;
	/** the connection owning each awareness client id one of our connections introduced */
	private readonly presenceOwners = new Map<number, Peer>();
	/** updates emitted by the doc during the apply in progress */
	private captured: Uint8Array[] = [];
	/** initial-sync messages of the current content, by the state vector they answer (emptied by every change) */
	private readonly syncReplies = new Map<string, Uint8Array[]>();
	/**
	 * initial syncs being encoded, by state vector: joiners that ask meanwhile
	 * wait for the same one instead of each giving way for a turn (emptied by
	 * every change, like syncReplies)
	 */
	private readonly syncEncodings = new Map<string, Promise<Uint8Array[]>>();
	/** counts the doc's changes: initial-sync messages encoded across a change are not shared */
	private contentVersion = 0;
	/** log rows and bytes queued in a batch that has not committed yet */
	private uncommittedRows = 0;
	private uncommittedBytes = 0;

	constructor(
		readonly name: string,
		loaded: LoadedDocument,
		private readonly db: Db,
		private readonly commits: GroupCommit,
		private readonly options: CollabOptions,
		/** called when the document must be dropped from memory (database failure) */
		private readonly onFailure: (doc: LiveDocument) => void,
		/** called after each commit that changed the document (projection) */
		private readonly onChanged: (doc: LiveDocument) => void = () => {},
		/** the other instances holding this document */
		private readonly fanout: DocumentFanout = localFanout(),
		/** the top-level shared types the document's projection reads */
		projectedRoots: readonly string[] = []
	) {
		this.doc = loaded.doc;
		this.storedBytes = loaded.storedBytes;
		this.logRows = loaded.logRows;
		this.doc.on('update', (update: Uint8Array) => {
			this.captured.push(update);
			this.contentVersion++;
			if (this.syncReplies.size > 0) this.syncReplies.clear();
			if (this.syncEncodings.size > 0) this.syncEncodings.clear();
		});
		if (projectedRoots.length > 0) {
			this.doc.on('afterTransaction', (tr: Y.Transaction) => {
				for (const type of tr.changed.keys()) {
					const name = nameOf(this.doc, topLevel(type));
					if (name !== null && projectedRoots.includes(name)) {
						this.projectedChanges++;
						return;
					}
				}
			});
		}
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		// The server is not a participant: no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.onAwareness);
	}

	private onAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		const changed = added.concat(updated, removed);
		const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MessageType.awareness);
		encoding.writeVarUint8Array(encoder, update);
		const message = encoding.toUint8Array(encoder);
		for (const p of this.peers) p.send(message);
		// Our clients' presence (and its removal when they leave) goes to the
		// other instances. A state timed out here times out there by itself.
		if (origin !== REMOTE_ORIGIN && origin !== 'timeout') this.fanout.publish(this.name, { kind: 'awareness', update });
	};

	/**
	 * Presence from one of our connections. Throws a CollabError for a state
	 * that does not decode (4400) or is too large (4413): nothing of it is
	 * applied. Of the rest, only entries for client ids this connection may
	 * announce are applied, each with the connection's identity fields; the
	 * others are dropped without a word (the stock client would only resend them).
	 */
	applyPeerAwareness(peer: Peer, update: Uint8Array): void {
		const accepted: PresenceEntry[] = [];
		const taking = new Set<number>();
		for (const entry of decodePresence(update)) {
			if (!this.mayAnnounce(peer, entry, taking.size)) continue;
			if (!peer.awarenessIds.has(entry.clientId)) taking.add(entry.clientId);
			accepted.push(withIdentity(entry, peer.presence));
		}
		if (accepted.length === 0) return;
		// within the limit as relayed, or refused before anything changes
		const relayed = encodePresence(accepted);
		for (const id of taking) this.claimPresence(peer, id);
		awarenessProtocol.applyAwarenessUpdate(this.awareness, relayed, peer);
	}

	/**
	 * A connection may announce a client id it owns; up to
	 * MAX_PRESENCE_IDS_PER_PEER others: one nobody here owns and nobody shows,
	 * or one shown for the same person, here or by another instance: a client that reconnected before its
	 * old connection was noticed gone, or that a load balancer moved to us.
	 * Never one of another person, and never the server's own. Taking an id
	 * over needs a state newer than the one we hold: the stock client echoes
	 * every presence it receives back to the server, and an echo must not
	 * take anything.
	 */
	private mayAnnounce(peer: Peer, entry: PresenceEntry, alsoTaking: number): boolean {
		const id = entry.clientId;
		const owner = this.presenceOwners.get(id);
		if (owner === peer) return true;
		// Removing someone else's entry is never a takeover.
		if (entry.state === null || id === this.awareness.clientID) return false;
		if (entry.clock <= (this.awareness.meta.get(id)?.clock ?? 0)) return false;
		if (peer.awarenessIds.size + alsoTaking >= MAX_PRESENCE_IDS_PER_PEER) return false;
		const self = peer.presence.awarenessData.personId;
		if (owner) return owner.presence.awarenessData.personId === self;
		const shown = this.awareness.getStates().get(id);
		return !shown || presencePersonId(shown) === self;
	}

	private claimPresence(peer: Peer, id: number): void {
		const owner = this.presenceOwners.get(id);
		if (owner === peer) return;
		owner?.awarenessIds.delete(id);
		this.presenceOwners.set(id, peer);
		peer.awarenessIds.add(id);
	}

	/** Presence from another instance: shown to our connections like our own clients', except for the ids our connections own. */
	applyRemoteAwareness(update: Uint8Array): void {
		const entries = decodePresence(update);
		const theirs = entries.filter((e) => !this.presenceOwners.has(e.clientId) && e.clientId !== this.awareness.clientID);
		if (theirs.length === 0) return;
		awarenessProtocol.applyAwarenessUpdate(this.awareness, theirs.length === entries.length ? update : encodePresence(theirs), REMOTE_ORIGIN);
	}

	/** Another instance asked for presence (it just loaded the document): publish our own clients'. */
	publishLocalAwareness(): void {
		const ids: number[] = [];
		for (const p of this.peers) for (const id of p.awarenessIds) if (this.awareness.getStates().has(id)) ids.push(id);
		if (ids.length === 0) return;
		this.fanout.publish(this.name, { kind: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) });
	}

	/**
	 * An update another instance committed (or the database holds and we
	 * lacked): applied to the doc and relayed to our connections, never stored
	 * again. `rows` is how many log rows it was stored as, so size limits and
	 * compaction see the whole log. Returns whether it changed anything.
	 */
	applyCommitted(update: Uint8Array, rows: number): boolean {
		if (this.failed) return false;
		this.captured = [];
		try {
			Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
		} catch (err) {
			// Checked by the decoder, so this means our doc is in doubt: reload it.
			console.error(`collab: a committed update of ${this.name} did not apply`, err);
			this.captured = [];
			this.fail();
			return false;
		}
		const emitted = this.captured;
		this.captured = [];
		this.storedBytes += update.byteLength;
		this.logRows += rows;
		if (emitted.length === 0) return false;
		this.relay(emitted.map((u) => ({ update: u, origin: null })));
		this.onChanged(this);
		return true;
	}

	/** log rows the database should hold for this document if we missed nothing (the healing check) */
	get committedLogRows(): number {
		return this.logRows - this.uncommittedRows;
	}

	/**
	 * State-vector exchange with the database: applies whatever the stored
	 * state has that the doc lacks (missed messages), relays it, and takes the
	 * stored size and row count as the truth. Returns whether anything was missing.
	 */
	heal(stored: StoredState): boolean {
		if (this.failed || this.doc.isDestroyed) return false;
		const missing = Y.diffUpdate(stored.update, Y.encodeStateVector(this.doc));
		const changed = this.applyCommitted(missing, 0);
		this.logRows = stored.logRows + this.uncommittedRows;
		this.storedBytes = stored.storedBytes + this.uncommittedBytes;
		return changed;
	}

	/** Another instance compacted this document: its log is that much shorter. */
	compactedElsewhere(rows: number): void {
		this.logRows = Math.max(this.uncommittedRows, this.logRows - rows);
	}

	/** Greets a new connection: our state vector (writers only) and everyone's presence. */
	join(peer: Peer, writer: boolean): void {
		this.peers.add(peer);
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		if (writer) {
			// Ask the client for what we lack (e.g. edits made offline). Readers are not asked.
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MessageType.sync);
			syncProtocol.writeSyncStep1(encoder, this.doc);
			peer.send(encoding.toUint8Array(encoder));
		}
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MessageType.awareness);
			encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
			peer.send(encoding.toUint8Array(encoder));
		}
	}

	leave(peer: Peer): void {
		if (!this.peers.delete(peer)) return;
		for (const id of peer.awarenessIds) if (this.presenceOwners.get(id) === peer) this.presenceOwners.delete(id);
		if (peer.awarenessIds.size > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
		}
	}

	/**
	 * What brings a client with this state vector up to date: the SyncStep2,
	 * preceded for a large document by parts encoded a turn at a time
	 * (state-in-parts.ts). Resolves only once everything in them is committed.
	 * Clients joining together mostly send the same state vector (a new
	 * client's is empty): the messages are encoded once per state vector and
	 * content, and shared until the content changes.
	 */
	async initialSyncFor(stateVector: Uint8Array): Promise<Uint8Array[]> {
		const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
		let messages = this.syncReplies.get(key);
		if (!messages) {
			// Joiners are peers before they ask: whatever changes after the encoding
			// reads the doc is relayed to them, so they can share one under way.
			let encoding = this.syncEncodings.get(key);
			if (!encoding) {
				encoding = this.encodeInTurn(stateVector, key);
				this.syncEncodings.set(key, encoding);
				const settled = () => {
					if (this.syncEncodings.get(key) === encoding) this.syncEncodings.delete(key);
				};
				encoding.then(settled, settled);
			}
			messages = await encoding;
		}
		await this.committed();
		return messages;
	}

	/** Encoding a large document takes tens of milliseconds: one per turn of the event loop (event-loop-turn.ts). */
	private async encodeInTurn(stateVector: Uint8Array, key: string): Promise<Uint8Array[]> {
		await giveWay();
		return this.syncReplies.get(key) ?? this.encodeInitialSync(stateVector, key);
	}

	private async encodeInitialSync(stateVector: Uint8Array, key: string): Promise<Uint8Array[]> {
		const version = this.contentVersion;
		const messages: Uint8Array[] = [];
		let rest = stateVector;
		if (structCount(this.doc) > STRUCTS_ENCODED_IN_ONE_GO) {
			const sent = Y.decodeStateVector(stateVector);
			for (const [client, from] of missingFrom(this.doc, sent)) {
				for (let clock = from; clock < Y.getState(this.doc.store, client); ) {
					const until = performance.now() + TURN_BUDGET_MS / 2;
					const part = encodeStructsPart(this.doc, client, clock, () => performance.now() >= until || turnSpent());
					messages.push(syncMessage(syncProtocol.messageYjsUpdate, part.update));
					clock = part.next;
					sent.set(client, clock);
					await giveWay();
				}
			}
			// What changed meanwhile, and every deletion.
			rest = Y.encodeStateVector(sent);
		}
		messages.push(syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc, rest)));
		if (this.contentVersion === version) {
			if (this.syncReplies.size >= MAX_SYNC_REPLIES) this.syncReplies.clear();
			this.syncReplies.set(key, messages);
		}
		return messages;
	}

	/** Resolves once every update applied so far is committed. */
	committed(): Promise<void> {
		return this.commits.committed();
	}

	/**
	 * Accepts one update from a writer: applied now, stored with this turn's
	 * group commit and relayed after it (a failed commit fails the document,
	 * which closes every connection). Returns false when it was dropped (the
	 * document is locked); throws a CollabError when the update is refused.
	 * Synchronous, except for an update that would take the document past its
	 * limit: that one waits for a compaction first.
	 */
	submit(peer: Peer, update: Uint8Array): boolean | Promise<boolean> {
		if (this.failed) throw new CollabError(CloseCode.internalError, 'document unavailable');
		// Parses every struct without touching the doc: garbage fails here.
		Y.decodeUpdate(update);
		// Locked between the approval and this connection's re-check: never applied.
		if (this.locked) return false;
		if (this.storedBytes + update.byteLength > this.options.maxDocumentBytes) return this.submitAfterCompaction(peer, update);
		this.integrate(peer, update);
		return true;
	}

	private async submitAfterCompaction(peer: Peer, update: Uint8Array): Promise<boolean> {
		await this.compact();
		if (this.storedBytes + update.byteLength > this.options.maxDocumentBytes) {
			throw new CollabError(CloseCode.documentTooLarge, 'document too large');
		}
		if (this.failed) throw new CollabError(CloseCode.internalError, 'document unavailable');
		if (this.locked) return false;
		this.integrate(peer, update);
		return true;
	}

	/** Applies a checked update of a writer and stages it for this turn's commit. */
	private integrate(peer: Peer, update: Uint8Array): void {
		this.captured = [];
		const { pendingStructs, pendingDs } = this.doc.store;
		try {
			Y.applyUpdate(this.doc, update, peer);
		} catch (err) {
			// It decoded but would not integrate. If part of it got into the doc (an
			// update was emitted or something is now pending), the doc no longer
			// matches the database: drop it from memory and make everyone resync.
			// Otherwise only this connection is at fault.
			const touched = this.captured.length > 0 || this.doc.store.pendingStructs !== pendingStructs || this.doc.store.pendingDs !== pendingDs;
			this.captured = [];
			if (touched) this.fail();
			throw new CollabError(CloseCode.badMessage, `update does not apply: ${String(err).slice(0, 80)}`);
		}
		const emitted = this.captured;
		this.captured = [];
		const pending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
		// Nothing new (a resent update) and nothing waiting: nothing to store.
		if (emitted.length > 0 || pending) this.stage(update, emitted, peer);
	}

	/**
	 * A change made by the server itself (escalation, carry-over, locking
	 * marks): applied, committed and relayed to every connection like a
	 * client's update. Resolves once committed.
	 */
	async change(fn: (doc: Y.Doc) => void): Promise<void> {
		if (this.failed) throw new CollabError(CloseCode.internalError, 'document unavailable');
		this.captured = [];
		this.doc.transact(() => fn(this.doc), null);
		const emitted = this.captured;
		this.captured = [];
		if (emitted.length === 0) return;
		const update = emitted.length === 1 ? emitted[0] : Y.mergeUpdates(emitted);
		return this.stage(update, emitted, null).done.catch(() => {
			throw new CollabError(CloseCode.internalError, 'could not save');
		});
	}

	/** Joins this turn's group commit (returned); relays after it (durable before relay). */
	private stage(update: Uint8Array, emitted: Uint8Array[], origin: Peer | null): CommitBatch {
		const batch = this.commits.batch();
		if (this.batch !== batch) {
			// First update of this document in this turn's transaction: relay after it commits.
			this.batch = batch;
			const relays: Relay[] = (this.relays = []);
			const stored = { rows: 0, bytes: 0, updates: [] as Uint8Array[] };
			this.stored = stored;
			batch.hooks.push({
				committed: () => {
					this.uncommittedRows -= stored.rows;
					this.uncommittedBytes -= stored.bytes;
					this.relay(relays);
					// What was stored, as stored, to the other instances: they apply it
					// and count its rows without storing it again. (With one instance
					// there is nobody to tell: no merge.)
					if (this.fanout.distributed) {
						const update = stored.updates.length === 1 ? stored.updates[0] : Y.mergeUpdates(stored.updates);
						this.fanout.publish(this.name, { kind: 'update', rows: stored.rows, update });
					}
					this.onChanged(this);
					if (this.logRows >= this.options.compactAfterRows) void this.compact();
				},
				failed: () => this.fail()
			});
		}
		// Store what the client sent (a superset of what applied, including any
		// part still waiting for missing dependencies); relay what applied.
		batch.rows.push({ docName: this.name, data: update });
		for (const u of emitted) this.relays.push({ update: u, origin });
		this.stored.rows++;
		this.stored.bytes += update.byteLength;
		if (this.fanout.distributed) this.stored.updates.push(update);
		this.uncommittedRows++;
		this.uncommittedBytes += update.byteLength;
		this.storedBytes += update.byteLength;
		this.logRows++;
		return batch;
	}

	/**
	 * Sends a committed batch to the other peers. A batch of several updates goes
	 * out as ONE merged update to every peer, its senders included: getting one's
	 * own update back is a no-op in Yjs, and one merge per commit is far cheaper
	 * than one per sender ("all but yours") when many write at once.
	 */
	private relay(relays: Relay[]): void {
		if (relays.length === 0) return;
		const single = relays.length === 1 ? relays[0] : null;
		const message = syncMessage(syncProtocol.messageYjsUpdate, single ? single.update : Y.mergeUpdates(relays.map((r) => r.update)));
		for (const p of this.peers) if (p !== single?.origin) p.send(message);
	}

	/** Folds the log into the snapshot; one compaction at a time (across instances too). */
	compact(): Promise<void> {
		this.compacting ??= compactDocument(this.db, this.name)
			.then((r) => {
				if (r.skipped) {
					// Another instance is folding this log right now, our rows with it.
					this.logRows = this.uncommittedRows;
					return;
				}
				this.storedBytes += r.bytesAfter - r.bytesBefore;
				this.logRows = Math.max(this.uncommittedRows, this.logRows - r.mergedRows);
				if (r.mergedRows > 0) this.fanout.publish(this.name, { kind: 'compacted', rows: r.mergedRows });
			})
			.catch((err) => console.error(`collab: compaction of ${this.name} failed`, err))
			.finally(() => (this.compacting = null));
		return this.compacting;
	}

	/** Resolves when everything applied is committed and no compaction runs. */
	async settle(): Promise<void> {
		await this.committed().catch(() => {});
		await this.compacting;
	}

	/** The in-memory state no longer matches the database: close everyone, drop it. */
	fail(): void {
		if (this.failed) return;
		this.failed = true;
		for (const p of [...this.peers]) p.close(CloseCode.internalError, 'document reloading');
		this.onFailure(this);
	}

	destroy(): void {
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.awareness.off('update', this.onAwareness);
		this.awareness.destroy();
		this.doc.destroy();
	}
}

/** The top-level shared type a (nested) type belongs to. */
function topLevel(type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>): Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>> {
	let t = type;
	while (t._item && t._item.parent instanceof Y.AbstractType) t = t._item.parent;
	return t;
}

function nameOf(doc: Y.Doc, type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>): string | null {
	for (const [name, t] of doc.share) if (t === type) return name;
	return null;
}

function syncMessage(step: number, update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MessageType.sync);
	encoding.writeVarUint(encoder, step);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}
