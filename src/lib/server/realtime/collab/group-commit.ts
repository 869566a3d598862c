/**
 * Group commit for the whole process: every update accepted during one
 * event-loop turn, whatever its document, is appended in ONE transaction at the
 * end of the turn (setImmediate). Hooks registered on a batch run right after
 * its commit, in the order they were added: that is where updates get relayed,
 * so nothing reaches another client before it is in the database.
 */
import type { Db } from '$lib/server/db';
import { appendUpdates } from '$lib/server/domain/collab/document-storage';

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

export class GroupCommit {
	private open: (CommitBatch & { resolve(): void; reject(err: unknown): void }) | null = null;
	/** the chain of commits, one after another */
	private tail: Promise<void> = Promise.resolve();
	private last: Promise<void> = Promise.resolve();

	constructor(private readonly db: Db) {}

	/** The batch of this turn (opened on first use). */
	batch(): CommitBatch {
		if (this.open) return this.open;
		let resolve!: () => void;
		let reject!: (err: unknown) => void;
		const done = new Promise<void>((res, rej) => {
			resolve = res;
			reject = rej;
		});
		// Waiters see the rejection; an unobserved one must not crash the process.
		done.catch(() => {});
		const batch = { rows: [], hooks: [], done, resolve, reject };
		this.open = batch;
		setImmediate(() => {
			this.open = null;
			this.last = batch.done;
			this.tail = this.tail.then(() => this.commit(batch));
		});
		return batch;
	}

	/** Resolves once everything added so far is committed (and relayed). */
	committed(): Promise<void> {
		return this.open ? this.open.done : this.last;
	}

	private async commit(batch: CommitBatch & { resolve(): void; reject(err: unknown): void }): Promise<void> {
		try {
			await appendUpdates(this.db, batch.rows);
		} catch (err) {
			console.error(`collab: committing ${batch.rows.length} updates failed`, err);
			for (const hook of batch.hooks) hook.failed(err);
			batch.reject(err);
			return;
		}
		for (const hook of batch.hooks) {
			try {
				hook.committed();
			} catch (err) {
				console.error('collab: relaying after commit failed', err);
			}
		}
		batch.resolve();
	}
}
