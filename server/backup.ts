/**
 * Online backup of the running database:
 *
 *   npm run backup -- <file>        (DATABASE_URL as for the server)
 *
 * Uses SQLite's online backup API, so the server keeps serving while the copy
 * is taken and the copy is one consistent point in time (every collab update
 * confirmed by a flush barrier before the command started is in it). The copy
 * is a single self-contained file (rollback journal, not WAL) and is checked
 * before the command reports success. An existing file is never overwritten.
 */
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDatabase, copyDatabase, databaseFile } from './sqlite-file';

const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run backup -- <file>');
	process.exit(2);
}
const to = resolve(target);
const from = databaseFile();
if (!existsSync(from)) {
	console.error(`No database at ${from} (DATABASE_URL).`);
	process.exit(1);
}
if (existsSync(to)) {
	console.error(`${to} exists already; choose a new file name.`);
	process.exit(1);
}

const started = Date.now();
try {
	await copyDatabase(from, to);
	const copy = new Database(to);
	copy.pragma('journal_mode = DELETE');
	copy.close();
} catch (err) {
	rmSync(to, { force: true });
	console.error(`Backup failed: ${(err as Error).message}`);
	process.exit(1);
}
const problem = checkDatabase(to);
if (problem) {
	console.error(`Backup written to ${to} but it does not check out: ${problem}`);
	process.exit(1);
}
console.log(`Backed up ${from} to ${to} (${(statSync(to).size / 1024).toFixed(0)} KiB, ${Date.now() - started} ms).`);
