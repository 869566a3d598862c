/**
 * The live documents of this process, by name. Loads a document once however
 * many connections ask at the same time, and unloads it a while after its last
 * connection left, once its writes are committed and its log compacted.
 */
import type * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import type { DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { loadDocument } from '$lib/server/domain/collab/documents.service';
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

	constructor(
		private readonly db: Db,
		private readonly options: CollabOptions
	) {
		this.commits = new GroupCommit(db);
		this.projector = new Projector(db);
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
			const loading = loadDocument(this.db, target).then((loaded) => {
				const doc = new LiveDocument(
					target.name,
					loaded,
					this.db,
					this.commits,
					this.options,
					(d) => void this.unload(d, false),
					(d) => this.projector.schedule(target, d.doc)
				);
				doc.locked = target.locked;
				this.loaded.set(target.name, doc);
				// A freshly seeded document has tables to fill too.
				this.projector.schedule(target, doc.doc);
				return doc;
			});
			this.live.set(target.name, loading);
			loading.catch(() => this.live.delete(target.name));
			return loading;
		}
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
			doc.destroy();
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
		const docs = await Promise.allSettled([...this.live.values()]);
		for (const d of docs) if (d.status === 'fulfilled') void this.unload(d.value, true);
		await Promise.allSettled([...this.unloading.values()]);
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
		const doc = this.loaded.get(name);
		if (doc) doc.locked = true;
		for (const listener of this.accessListeners) listener(name);
	}

	/** Resolves once the projected tables reflect the document as it is now. */
	async flushProjection(target: DocumentTarget): Promise<void> {
		if (!this.live.has(target.name)) return this.projector.flush(target.name);
		const doc = await this.acquire(target);
		try {
			await doc.committed();
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
