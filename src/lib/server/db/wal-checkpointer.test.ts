/** Checkpoints run in the worker, not in the connection that commits. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInWorker } from './wal-checkpointer';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openWal(): { db: SQLite.Database; file: string } {
	const dir = mkdtempSync(join(tmpdir(), 'samverkan-ckpt-'));
	dirs.push(dir);
	const file = join(dir, 'db.sqlite');
	const db = new SQLite(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.exec('create table t (id integer primary key, body text not null)');
	return { db, file };
}

const writeMegabytes = (db: SQLite.Database, mb: number) => {
	const insert = db.prepare('insert into t (body) values (?)');
	db.transaction(() => {
		for (let i = 0; i < mb * 1024; i++) insert.run('x'.repeat(1000));
	})();
};

describe('checkpointInWorker', () => {
	it('turns off checkpoints on commit, and the worker folds the WAL into the file shortly after', async () => {
		const { db, file } = openWal();
		checkpointInWorker(db, file, 100);
		expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
		const before = statSync(file).size;
		writeMegabytes(db, 8);
		// the commit itself copied nothing: the file is as it was, the rows are in the WAL
		expect(statSync(file).size).toBe(before);
		expect(statSync(`${file}-wal`).size).toBeGreaterThan(8 * 2 ** 20);
		const deadline = Date.now() + 10_000;
		while (statSync(file).size < 8 * 2 ** 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		expect(statSync(file).size).toBeGreaterThan(8 * 2 ** 20);
		expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 8 * 1024 });
		db.close();
	});

	it('without it, the committing connection does the copy (what this module exists to avoid)', () => {
		const { db, file } = openWal();
		const before = statSync(file).size;
		writeMegabytes(db, 8);
		expect(statSync(file).size).toBeGreaterThan(before + 8 * 2 ** 20);
		db.close();
	});
});
