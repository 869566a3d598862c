/**
 * Runs the projection of live documents into SQL (domain/collab/projection.ts)
 * in the background, without getting in the way of the write path:
 *
 * - a document is projected `delayMs` after its first unprojected change
 *   (many keystrokes, one projection), and at most once every `minIntervalMs`
 *   while it keeps changing: a busy meeting's minutes are re-read every two
 *   seconds, not after every pause in the typing;
 * - the live document only hands over changes to what the projection reads
 *   (projection.ts projectedRoots; registry.ts);
 * - one projection at a time for the whole process, oldest change first, and
 *   after each run a pause of four times its duration on the event loop:
 *   projecting never takes more than about a fifth of the time, and the group
 *   commits of live edits (which share the one database connection) always
 *   get their turn. Under heavy load the tables lag a little; they never
 *   block an edit;
 * - the document is read before the transaction opens, the minutes in a
 *   thread of their own (headless Lexical: 2–100 ms a read, by size), so the
 *   event loop only carries the SQL;
 * - `flush` projects one document now, for callers that must read current
 *   tables (approval, unload, shutdown).
 *
 * Several instances may hold the same document and project it too. Each run
 * replaces the document's rows (delete + insert) from a complete state, so
 * the result is the same whoever runs last; on PostgreSQL a per-document
 * advisory lock makes runs of one document wait for each other, otherwise two
 * concurrent runs (READ COMMITTED) would each miss the other's fresh rows and
 * collide on their keys.
 */
import type * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import type { DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { lockDocument } from '$lib/server/domain/collab/document-locks';
import { readForProjection, writeProjection } from '$lib/server/domain/collab/projection';
import { readMinutesInProcess, type MinutesReader } from '$lib/server/domain/collab/minutes-reader-thread';
import { projectionMark, recordProjection } from '$lib/server/domain/collab/projection-mark';
import { giveWay } from '$lib/server/event-loop-turn';

interface Pending {
	target: DocumentTarget;
	doc: Y.Doc;
	/** first change not yet projected (ms since epoch) */
	since: number;
}

export class Projector {
	private readonly pending = new Map<string, Pending>();
	/** when each recently projected document was last projected (pruned after minIntervalMs) */
	private readonly lastRun = new Map<string, number>();
	private running: Promise<void> | null = null;
	private timer: ReturnType<typeof setTimeout> | null = null;
	/** when the background worker may run next (after its pause) */
	private nextAt = 0;

	constructor(
		private readonly db: Db,
		private readonly delayMs = 300,
		private readonly minIntervalMs = 2_000,
		/** where minutes are read (the server: a thread of their own, minutes-reader-thread.ts) */
		private readonly minutes: MinutesReader = readMinutesInProcess
	) {}

	/** The document changed: project it soon. */
	schedule(target: DocumentTarget, doc: Y.Doc): void {
		const p = this.pending.get(target.name);
		if (p) p.doc = doc;
		else this.pending.set(target.name, { target, doc, since: Date.now() });
		this.wake();
	}

	/** Projects this document now if it has unprojected changes; resolves when its tables are current. */
	async flush(name: string): Promise<void> {
		while (this.running) await this.running;
		const p = this.pending.get(name);
		if (p) await this.run(p);
	}

	/** A document dropped from memory without being trusted (database failure): nothing to project from it. */
	forget(name: string): void {
		this.pending.delete(name);
		this.lastRun.delete(name);
	}

	async flushAll(): Promise<void> {
		for (const name of [...this.pending.keys()]) await this.flush(name);
	}

	/** when a pending document may be projected */
	private readyAt(p: Pending): number {
		return Math.max(p.since + this.delayMs, (this.lastRun.get(p.target.name) ?? 0) + this.minIntervalMs);
	}

	private wake(): void {
		if (this.timer || this.running || this.pending.size === 0) return;
		let first = Infinity;
		for (const p of this.pending.values()) first = Math.min(first, this.readyAt(p));
		const wait = Math.max(0, this.nextAt - Date.now(), first - Date.now());
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.tick();
		}, wait);
		this.timer.unref?.();
	}

	private async tick(): Promise<void> {
		if (this.running) return;
		const now = Date.now();
		for (const [name, at] of this.lastRun) if (at + this.minIntervalMs <= now) this.lastRun.delete(name);
		let next: Pending | null = null;
		let nextReady = Infinity;
		for (const p of this.pending.values()) {
			const ready = this.readyAt(p);
			if (ready < nextReady) [next, nextReady] = [p, ready];
		}
		if (next && nextReady <= now) await this.run(next);
		this.wake();
	}

	private run(p: Pending): Promise<void> {
		// Changes from now on are a new round for this document.
		this.pending.delete(p.target.name);
		this.lastRun.set(p.target.name, Date.now());
		// It waits for a turn of the event loop with time to spare (event-loop-turn.ts); its pause counts from then.
		let started = performance.now();
		const run = giveWay()
			.then(async () => {
				// A destroyed doc reads as empty: projecting it would wipe the tables.
				if (p.doc.isDestroyed) return;
				// taken before the projection reads the document, so the record is never newer than the tables
				const mark = projectionMark(p.doc);
				// read before the transaction: the minutes are read in a thread, and on SQLite an
				// open transaction would hold every group commit back while it waits
				const input = await readForProjection(p.target, p.doc, this.minutes);
				await giveWay();
				started = performance.now();
				return this.db.transaction().execute(async (tx) => {
					await lockDocument(tx, 'project', p.target.name);
					await writeProjection(tx, p.target, input);
					await recordProjection(tx, p.target.name, mark);
				});
			})
			.catch((err) => console.error(`collab: projecting ${p.target.name} failed`, err))
			.finally(() => {
				const took = performance.now() - started;
				this.nextAt = Date.now() + 4 * took;
				if (this.running === run) this.running = null;
				// a change scheduled meanwhile found the projector busy (and a timer that fired
				// meanwhile found it running): without this it would wait for the next change
				this.wake();
			});
		this.running = run;
		return run;
	}
}
