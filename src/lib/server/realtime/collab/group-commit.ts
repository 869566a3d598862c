/**
 * Group commit for the whole process: every update accepted during one
 * event-loop turn, whatever its document, is appended in ONE transaction at the
 * end of the turn (setImmediate). Hooks registered on a batch run right after
 * its commit, in the order they were added: that is where updates get relayed,
 * so nothing reaches another client before it is in the database.
 *
 * Two refinements keep the latency of a relay close to that of the commit itself
 * (bench/README.md, session 14):
 * - On SQLite with no transaction open, a batch is committed and its hooks run
 *   synchronously: no promise chain per commit. Otherwise (PostgreSQL, or a
 *   transaction of someone else's holding the one connection) the commit waits
 *   its turn asynchronously, and later batches wait behind it: commits and
 *   relays keep their order.
 * - A batch open for MAX_BATCH_AGE_MS is closed and committed when the next
 *   update arrives, so that a long turn (a burst of messages after a pause)
 *   relays its first updates while it handles the rest.
 */
import type { Db } from '$lib/server/db';
import { appendUpdates, appendUpdatesNow } from '$lib/server/domain/collab/document-storage';

/** how long a batch may collect updates before the next update commits it */
export const MAX_BATCH_AGE_MS = 1;

export interface CommitHook {
	committed(): void;
	failed(err: unknown): void;
}

export interface CommitBatch {
	rows: { docName: string; data: Uint8Array }[];
	hooks: CommitHook[];
	/** resolves after the commit and the hooks; rejects if the commit failed */
	done: Promise<void>;
}

interface OpenBatch extends CommitBatch {
	resolve(): void;
	reject(err: unknown): void;
	/** performance.now() when the batch was opened */
	openedAt: number;
}

export class GroupCommit {
	private open: OpenBatch | null = null;
	/** the chain of asynchronous commits, one after another */
	private tail: Promise<void> = Promise.resolve();
	/** asynchronous commits not yet finished: while any is, no batch may commit before it */
	private waiting = 0;
	private last: Promise<void> = Promise.resolve();

	constructor(
		private readonly db: Db,
		private readonly now: () => number = () => performance.now()
	) {}

	/** The batch updates join now: this turn's, unless it has been open too long (then it is committed first). */
	batch(): CommitBatch {
		if (this.open && this.now() - this.open.openedAt >= MAX_BATCH_AGE_MS) this.close(this.open);
		if (this.open) return this.open;
		let resolve!: () => void;
		let reject!: (err: unknown) => void;
		const done = new Promise<void>((res, rej) => {
			resolve = res;
			reject = rej;
		});
		// Waiters see the rejection; an unobserved one must not crash the process.
		done.catch(() => {});
		const batch: OpenBatch = { rows: [], hooks: [], done, resolve, reject, openedAt: this.now() };
		this.open = batch;
		setImmediate(() => {
			if (this.open === batch) this.close(batch);
		});
		return batch;
	}

	/** Resolves once everything added so far is committed (and relayed). */
	committed(): Promise<void> {
		return this.open ? this.open.done : this.last;
	}

	private close(batch: OpenBatch): void {
		this.open = null;
		this.last = batch.done;
		if (this.waiting === 0) {
			let now: boolean;
			try {
				now = appendUpdatesNow(this.db, batch.rows);
			} catch (err) {
				this.fail(batch, err);
				return;
			}
			if (now) return this.succeed(batch);
		}
		this.waiting++;
		this.tail = this.tail.then(async () => {
			try {
				await appendUpdates(this.db, batch.rows);
			} catch (err) {
				return this.fail(batch, err);
			} finally {
				this.waiting--;
			}
			this.succeed(batch);
		});
	}

	private succeed(batch: OpenBatch): void {
		for (const hook of batch.hooks) {
			try {
				hook.committed();
			} catch (err) {
				console.error('collab: relaying after commit failed', err);
			}
		}
		batch.resolve();
	}

	private fail(batch: OpenBatch, err: unknown): void {
		console.error(`collab: committing ${batch.rows.length} updates failed`, err);
		for (const hook of batch.hooks) hook.failed(err);
		batch.reject(err);
	}
}
