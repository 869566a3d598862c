import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import { memoryDbForEachTest } from '$lib/server/db/test/memory-db';
import { appendLog, listLog } from './collab.repository';
import { appendUpdates, compactDocument, planCompaction, storeCompaction } from './document-storage';

const NAME = 'forum.00000000-0000-4000-8000-000000000000.actions';
let db: Db;
memoryDbForEachTest((fresh) => (db = fresh));

/** Records every update a doc emits, as a client would send them. */
function recorder() {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	return { doc, updates };
}

async function stored(): Promise<Y.Doc> {
	const doc = new Y.Doc();
	const snap = await db.selectFrom('collab_snapshots').select('state').where('doc_name', '=', NAME).executeTakeFirst();
	if (snap) Y.applyUpdate(doc, snap.state);
	for (const row of await listLog(db, NAME)) Y.applyUpdate(doc, row.data);
	return doc;
}

describe('compactDocument', () => {
	it('keeps the content, drops deleted content and deletes exactly the merged rows', async () => {
		const { doc, updates } = recorder();
		const text = doc.getText('t');
		text.insert(0, 'hello ');
		text.insert(6, 'x'.repeat(50_000));
		text.delete(6, 50_000);
		text.insert(6, 'world');
		doc.getArray('a').push([1, 2, 3]);
		await appendUpdates(
			db,
			updates.map((data) => ({ docName: NAME, data }))
		);
		const before = updates.reduce((n, u) => n + u.byteLength, 0);

		const result = await compactDocument(db, NAME);
		expect(result.mergedRows).toBe(updates.length);
		expect(result.bytesBefore).toBe(before);
		expect(result.bytesAfter).toBeLessThan(1000);
		expect(await listLog(db, NAME)).toHaveLength(0);
		const after = await stored();
		expect(after.getText('t').toString()).toBe('hello world');
		expect(after.getArray('a').toArray()).toEqual([1, 2, 3]);

		// A row appended after a compaction survives the next one untouched, and merges then.
		text.insert(0, '> ');
		await appendLog(db, [{ docName: NAME, data: updates[updates.length - 1] }], new Date().toISOString());
		expect((await stored()).getText('t').toString()).toBe('> hello world');
		expect((await compactDocument(db, NAME)).mergedRows).toBe(1);
		expect((await stored()).getText('t').toString()).toBe('> hello world');
	});

	it('leaves other documents alone', async () => {
		const { doc, updates } = recorder();
		doc.getText('t').insert(0, 'other');
		await appendUpdates(db, [{ docName: `${NAME}x`, data: updates[0] }]);
		await compactDocument(db, NAME);
		expect(await listLog(db, `${NAME}x`)).toHaveLength(1);
	});

	it('stores nothing when another compaction folded its rows between its read and its write, and loses nothing', async () => {
		const { doc, updates } = recorder();
		const text = doc.getText('t');
		text.insert(0, 'one ');
		text.insert(4, 'two ');
		await appendUpdates(
			db,
			updates.map((data) => ({ docName: NAME, data }))
		);
		// This compaction read the log and rebuilt it, and is slow to write...
		const slow = await planCompaction(db, NAME);
		// ...while a row arrives and another compaction folds everything.
		text.insert(8, 'three');
		await appendUpdates(db, [{ docName: NAME, data: updates[updates.length - 1] }]);
		expect((await compactDocument(db, NAME)).mergedRows).toBe(3);

		// Writing the older rebuild now would replace the snapshot with one that lacks 'three'.
		expect(await storeCompaction(db, slow)).toMatchObject({ skipped: true, mergedRows: 0 });
		expect((await stored()).getText('t').toString()).toBe('one two three');
	});
});

describe('appendUpdates', () => {
	it('never lands inside a transaction someone else has open: it waits for it, and its rows survive that rollback', async () => {
		const { doc, updates } = recorder();
		doc.getText('t').insert(0, 'kept');
		doc.getText('t').insert(0, 'rolled back ');
		let appended: Promise<void> | null = null;
		const rolledBack = db
			.transaction()
			.execute(async (tx) => {
				await appendLog(tx, [{ docName: NAME, data: updates[1] }], new Date().toISOString());
				// a group commit while the transaction waits for something else
				appended = appendUpdates(db, [{ docName: NAME, data: updates[0] }]);
				await new Promise((r) => setTimeout(r, 20));
				throw new Error('roll back');
			})
			.catch(() => 'rolled back');
		expect(await rolledBack).toBe('rolled back');
		await appended;
		const rows = await listLog(db, NAME);
		expect(rows.map((r) => Buffer.from(r.data).equals(Buffer.from(updates[0])))).toEqual([true]);
	});
});
