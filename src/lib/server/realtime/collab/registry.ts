/**
 * The live documents of this process, by name. Loads a document once however
 * many connections ask at the same time, and unloads it a while after its last
 * connection left, once its writes are committed and its log compacted.
 *
 * Several instances (REDIS_URL): a loaded document is subscribed to its
 * fan-out channel (before it is read from the database, so nothing committed
 * meanwhile falls between the two); other instances' commits, presence and
 * locks arrive there. The database stays the truth: every `healMs` the log
 * row counts of the loaded documents are compared with what this instance has
 * seen, and a document that differs is healed by a state-vector exchange
 * with its stored state; so is every loaded document when Redis comes back.
 *
 * The same fan-out carries the domain's "access changed" events
 * (access-events.ts) to every instance, on one more channel, ACCESS_CHANNEL.
 */
import type * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import type { DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { loadDocument, readStoredState, storedLogRows } from '$lib/server/domain/collab/document-storage';
import { isProjected } from '$lib/server/domain/collab/projection-mark';
import { projectedRoots } from '$lib/server/domain/collab/projection';
import { MinutesReaderThread } from '$lib/server/domain/collab/minutes-reader-thread';
import { receivedAccessChange, relayAccessChanges } from '$lib/server/domain/tenancy/access-events';
import { localFanout, type DocumentFanout, type FanoutMetrics } from './fanout';
import { ACCESS_CHANNEL, type FanoutMessage } from './fanout-message';
import { LiveDocument } from './live-document';
import { GroupCommit } from './group-commit';
import type { CollabOptions } from './options';
import { Projector } from './projector';

export class DocumentRegistry {
	readonly projector: Projector;
	private readonly live = new Map<string, Promise<LiveDocument>>();
	/** the same documents once loaded, to tell which one a name currently means */
	private readonly loaded = new Map<string, LiveDocument>();
	/** documents being unloaded: a new load of the same name waits for this */
	private readonly unloading = new Map<string, Promise<void>>();

	private readonly commits: GroupCommit;
	/** reads minutes for the projector off the event loop */
	private readonly minutesReader = new MinutesReaderThread();
	/** fan-out messages for documents still loading: applied once loaded (applying twice is harmless) */
	private readonly early = new Map<string, FanoutMessage[]>();
	/** heals in progress, one per document */
	private readonly healing = new Map<string, Promise<void>>();
	private readonly healTimer: ReturnType<typeof setInterval> | null = null;
	private readonly stopRelay: (() => void) | null = null;

	constructor(
		private readonly db: Db,
		private readonly options: CollabOptions,
		/** the other instances (Redis); the default does nothing */
		readonly fanout: DocumentFanout = localFanout()
	) {
		this.commits = new GroupCommit(db);
		this.projector = new Projector(db, undefined, undefined, this.minutesReader);
		if (fanout.distributed) {
			fanout.onMessage((name, message) => this.onFanout(name, message));
			fanout.onReconnect(() => void this.healAll());
			this.healTimer = setInterval(() => void this.checkStored(), options.healMs);
			this.healTimer.unref();
			// This instance's access changes go to the others; theirs come in through onFanout.
			void fanout.subscribe(ACCESS_CHANNEL);
			this.stopRelay = relayAccessChanges((change) => fanout.publishConfirmed(ACCESS_CHANNEL, { kind: 'access', change }));
		}
	}

	/** The live document for a target, loading it completely first if needed. */
	async acquire(target: DocumentTarget): Promise<LiveDocument> {
		for (;;) {
			const existing = this.live.get(target.name);
			if (existing) {
				const doc = await existing;
				// Cancel a pending unload; the caller joins in this same turn.
				if (doc.idleTimer) clearTimeout(doc.idleTimer);
				doc.idleTimer = null;
				if (!doc.failed && this.live.get(target.name) === existing) return doc;
				continue;
			}
			const pendingUnload = this.unloading.get(target.name);
			if (pendingUnload) {
				await pendingUnload;
				continue;
			}
			const loading = this.load(target);
			this.live.set(target.name, loading);
			loading.catch(() => this.live.delete(target.name));
			return loading;
		}
	}

	private async load(target: DocumentTarget): Promise<LiveDocument> {
		const name = target.name;
		// Listen first, read second: whatever is committed after our read reaches us.
		this.early.set(name, []);
		let loaded;
		let projected;
		try {
			await this.fanout.subscribe(name);
			loaded = await loadDocument(this.db, target);
			projected = await isProjected(this.db, name, loaded.doc);
		} catch (err) {
			this.early.delete(name);
			this.fanout.unsubscribe(name);
			throw err;
		}
		const doc = new LiveDocument(
			name,
			loaded,
			this.db,
			this.commits,
			this.options,
			(d) => void this.unload(d, false),
			(d) => {
				// Projected again only when something the projection reads changed.
				if (d.projectedChanges === d.projectedSeen) return;
				d.projectedSeen = d.projectedChanges;
				this.projector.schedule(target, d.doc);
			},
			this.fanout,
			projectedRoots(target.parsed.kind)
		);
		doc.locked = target.locked;
		this.loaded.set(name, doc);
		for (const message of this.early.get(name) ?? []) this.applyFanout(doc, message);
		this.early.delete(name);
		// Presence of people already editing on other instances, without waiting for their renewal.
		this.fanout.publish(name, { kind: 'awarenessQuery' });
		// Tables that may be behind the document are projected: a freshly seeded document's, those of a
		// change a crash kept from its projection, and all after the projection itself changed.
		if (!projected) this.projector.schedule(target, doc.doc);
		return doc;
	}

	private onFanout(name: string, message: FanoutMessage): void {
		if (name === ACCESS_CHANNEL) return this.onAccessFanout(message);
		const doc = this.loaded.get(name);
		if (doc) return this.applyFanout(doc, message);
		this.early.get(name)?.push(message);
	}

	private onAccessFanout(message: FanoutMessage): void {
		if (message.kind === 'access') return receivedAccessChange(message.change);
		// An instance could not publish some access change while Redis was down: re-check every connection.
		if (message.kind === 'stale') for (const name of this.loaded.keys()) this.recheckAccess(name);
	}

	private applyFanout(doc: LiveDocument, message: FanoutMessage): void {
		switch (message.kind) {
			case 'update':
				doc.applyCommitted(message.update, message.rows);
				return;
			case 'awareness':
				doc.applyRemoteAwareness(message.update);
				return;
			case 'awarenessQuery':
				doc.publishLocalAwareness();
				return;
			case 'compacted':
				doc.compactedElsewhere(message.rows);
				return;
			case 'lock':
				this.lockHere(doc.name);
				return;
			case 'stale':
				void this.heal(doc);
				this.recheckAccess(doc.name);
				return;
			case 'access':
				// only ever sent on ACCESS_CHANNEL
				return;
		}
	}

	/**
	 * State-vector exchange with the database for one document: whatever is
	 * stored that the live doc lacks is applied and relayed. One at a time per
	 * document.
	 */
	heal(doc: LiveDocument): Promise<void> {
		const running = this.healing.get(doc.name);
		if (running) return running;
		const run = (async () => {
			const stored = await readStoredState(this.db, doc.name);
			if (!stored || this.loaded.get(doc.name) !== doc) return;
			this.fanout.counters.healChecks++;
			if (doc.heal(stored)) {
				this.fanout.counters.healedDocuments++;
				console.warn(`collab: healed ${doc.name} from the database (missed fan-out)`);
			}
		})()
			.catch((err) => console.error(`collab: healing ${doc.name} failed`, err))
			.finally(() => this.healing.delete(doc.name));
		this.healing.set(doc.name, run);
		return run;
	}

	/** Redis is back: anything may have been missed (updates, and locks: the connections are re-checked), for every loaded document. */
	private async healAll(): Promise<void> {
		for (const doc of [...this.loaded.values()]) {
			this.recheckAccess(doc.name);
			await this.heal(doc);
		}
	}

	/** A lock may have been missed: the connections ask the database (locked minutes → writers get 4001). */
	private recheckAccess(name: string): void {
		for (const listener of this.accessListeners) listener(name);
	}

	/** The cheap periodic check: heals the documents whose stored log row count is not what we have seen. */
	private async checkStored(docs = [...this.loaded.values()]): Promise<void> {
		if (docs.length === 0) return;
		let counts: Map<string, number>;
		try {
			counts = await storedLogRows(
				this.db,
				docs.map((d) => d.name)
			);
		} catch (err) {
			console.error('collab: checking stored documents failed', err);
			return;
		}
		for (const doc of docs) {
			if ((counts.get(doc.name) ?? 0) !== doc.committedLogRows) await this.heal(doc);
		}
	}

	/** counters for monitoring (a /metrics endpoint) */
	metrics(): FanoutMetrics & { loadedDocuments: number; minutesReadInThread: number; minutesReadInProcess: number } {
		const reads = this.minutesReader.counts;
		return { ...this.fanout.metrics(), loadedDocuments: this.loaded.size, minutesReadInThread: reads.inThread, minutesReadInProcess: reads.inProcess };
	}

	/** A connection left: unload the document after the idle delay if nobody is left. */
	release(doc: LiveDocument): void {
		if (doc.peers.size > 0 || doc.failed || doc.idleTimer) return;
		doc.idleTimer = setTimeout(() => {
			doc.idleTimer = null;
			if (doc.peers.size === 0) this.unload(doc, true);
		}, this.options.idleUnloadMs);
		doc.idleTimer.unref();
	}

	/** Drops a document from memory once its writes are committed (compacting first if asked). */
	private unload(doc: LiveDocument, compact: boolean): Promise<void> {
		if (this.loaded.get(doc.name) === doc) {
			this.loaded.delete(doc.name);
			this.live.delete(doc.name);
		}
		const done = (async () => {
			await doc.settle();
			if (doc.failed) this.projector.forget(doc.name);
			else await this.projector.flush(doc.name);
			if (compact && !doc.failed && doc.logRows > 0) await doc.compact();
			await this.healing.get(doc.name);
			doc.destroy();
			// A new load of this name waits for us, so its SUBSCRIBE comes after this.
			if (!this.live.has(doc.name)) this.fanout.unsubscribe(doc.name);
		})()
			.catch((err) => console.error(`collab: unloading ${doc.name} failed`, err))
			.finally(() => {
				if (this.unloading.get(doc.name) === done) this.unloading.delete(doc.name);
			});
		this.unloading.set(doc.name, done);
		return done;
	}

	/** Graceful shutdown: every document committed and compacted. Connections are closed by the caller. */
	async closeAll(): Promise<void> {
		if (this.healTimer) clearInterval(this.healTimer);
		this.stopRelay?.();
		const docs = await Promise.allSettled([...this.live.values()]);
		for (const d of docs) if (d.status === 'fulfilled') void this.unload(d.value, true);
		await Promise.allSettled([...this.unloading.values()]);
		await this.minutesReader.close();
	}

	/**
	 * A change made by the server (escalation, carry-over): on the live document
	 * if it is open, else on a freshly loaded one, committed and relayed to
	 * every open editor like anyone's edit.
	 */
	async change(target: DocumentTarget, fn: (doc: Y.Doc) => void): Promise<void> {
		const doc = await this.acquire(target);
		try {
			await doc.change(fn);
		} finally {
			this.release(doc);
		}
	}

	/** Reads a document's current content (committed or about to be). */
	async read<T>(target: DocumentTarget, fn: (doc: Y.Doc) => T): Promise<T> {
		const doc = await this.acquire(target);
		try {
			await doc.committed();
			// What another instance committed a moment ago may still be on its way.
			if (this.fanout.distributed) await this.checkStored([doc]);
			return fn(doc.doc);
		} finally {
			this.release(doc);
		}
	}

	/** told when a document's access changed for everyone (locked), to re-check its connections at once */
	readonly accessListeners = new Set<(docName: string) => void>();

	/**
	 * Makes a document read-only for everyone from now on: the live copy drops
	 * further updates at once and every connection is re-checked (writers get
	 * 4001 and come back as readers).
	 */
	lock(name: string): void {
		this.lockHere(name);
		// The other instances' writers too, at once (not at their next re-check).
		this.fanout.publish(name, { kind: 'lock' });
	}

	private lockHere(name: string): void {
		const doc = this.loaded.get(name);
		if (doc) doc.locked = true;
		this.recheckAccess(name);
	}

	/** Resolves once the projected tables reflect the document as it is now. */
	async flushProjection(target: DocumentTarget): Promise<void> {
		if (!this.live.has(target.name)) return this.projector.flush(target.name);
		const doc = await this.acquire(target);
		try {
			await doc.committed();
			if (this.fanout.distributed) await this.checkStored([doc]);
			this.projector.schedule(target, doc.doc);
			await this.projector.flush(target.name);
		} finally {
			this.release(doc);
		}
	}

	get size(): number {
		return this.live.size;
	}
}
