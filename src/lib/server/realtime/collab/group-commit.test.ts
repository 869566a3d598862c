/**
 * The group commit of live edits (group-commit.ts) on a real, migrated SQLite
 * database: rows are stored before any hook runs, hooks run in commit order,
 * a long batch is committed early, and a commit that must wait (a transaction
 * holds the connection) keeps every later batch behind it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, withFreeSqliteHandle, type Db } from '$lib/server/db';
import { bundledMigrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';
import { GroupCommit, MAX_BATCH_AGE_MS, type CommitBatch } from './group-commit';

let db: Db;
let clock: number;
let commits: GroupCommit;
/** what happened, in order: `stored:<doc>` is a hook that found its row in the database */
let events: string[];

beforeEach(async () => {
	db = createDb({ dialect: 'sqlite', filename: ':memory:' });
	await migrateToLatest(db, bundledMigrations);
	clock = 0;
	commits = new GroupCommit(db, () => clock);
	events = [];
});
afterEach(async () => {
	await commits.committed().catch(() => {});
	await db.destroy();
});

/** the documents whose rows are stored, read synchronously (null: a transaction is open) */
function storedNow(): string[] | null {
	return withFreeSqliteHandle(db, (sqlite) => (sqlite.prepare('select doc_name from collab_updates order by id').all() as { doc_name: string }[]).map((r) => r.doc_name))?.result ?? null;
}

/** adds one update of `doc` to the current batch, with a hook that records whether its row was stored first */
function add(doc: string): CommitBatch {
	const batch = commits.batch();
	batch.rows.push({ docName: doc, data: new Uint8Array([1, 2, 3]) });
	batch.hooks.push({
		committed: () => events.push(`${storedNow()?.includes(doc) ? 'stored' : 'MISSING'}:${doc}`),
		failed: () => events.push(`failed:${doc}`)
	});
	return batch;
}

/** until a transaction holds the connection (held) or no longer does, a microtask at a time */
async function until(held: boolean): Promise<void> {
	for (let i = 0; i < 100 && (storedNow() === null) !== held; i++) await Promise.resolve();
	expect(storedNow() === null, held ? 'the transaction began' : 'the transaction ended').toBe(held);
}

describe('the group commit', () => {
	it('stores every update of a turn in one commit, then runs the hooks in order', async () => {
		const batch = add('a');
		expect(commits.batch(), 'the same turn: the same batch').toBe(batch);
		add('b');
		expect(events, 'nothing is relayed before the end of the turn').toEqual([]);
		await batch.done;
		expect(events).toEqual(['stored:a', 'stored:b']);
	});

	it('commits a batch open for too long when the next update arrives, and runs its hooks at once', () => {
		const first = add('a');
		clock += MAX_BATCH_AGE_MS;
		const second = add('b');
		expect(second).not.toBe(first);
		// committed synchronously inside add('b'): stored and relayed before it returned
		expect(events).toEqual(['stored:a']);
		expect(storedNow()).toEqual(['a']);
	});

	it('keeps a batch that waits for a transaction ahead of every later batch', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const transaction = db.transaction().execute(async (tx) => {
			await tx.selectFrom('customers').select('id').execute();
			await gate;
		});
		// the transaction holds the connection: the first batch has to wait for it
		await until(true);
		const first = add('a');
		clock += MAX_BATCH_AGE_MS;
		add('b');
		expect(events, 'nothing stored, nothing relayed').toEqual([]);

		release();
		await until(false);
		// The connection is free, but the first batch has not had its turn yet. A batch
		// closed now could be stored at once; it must wait behind the first.
		clock += MAX_BATCH_AGE_MS;
		add('c');
		await transaction;
		await first.done;
		await commits.committed();
		expect(events).toEqual(['stored:a', 'stored:b', 'stored:c']);
		expect(storedNow()).toEqual(['a', 'b', 'c']);
	});

	it('fails every hook of a batch whose commit fails, and stores none of it', async () => {
		const batch = add('a');
		// a row the table refuses (NOT NULL) fails the whole transaction
		batch.rows.push({ docName: null as unknown as string, data: new Uint8Array([1]) });
		await expect(batch.done).rejects.toThrow();
		expect(events).toEqual(['failed:a']);
		expect(storedNow()).toEqual([]);
	});
});
