/**
 * Restores a backup made by `npm run backup`:
 *
 *   npm run restore -- <file>       (DATABASE_URL as for the server)
 *
 * Refuses while a server has the database open (stop it first: a running
 * server would keep its own view of the data, and live documents in memory
 * would be written back over the restored ones). Checks the backup before
 * touching anything, keeps the current database next to it as
 * `<database>.before-restore-<time>`, then copies the backup in with the
 * online backup API, which also takes care of a leftover write-ahead log.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDatabase, copyDatabase, databaseFile, inUse } from './sqlite-file';

const source = process.argv[2];
if (!source) {
	console.error('Usage: npm run restore -- <file>');
	process.exit(2);
}
const from = resolve(source);
const to = databaseFile();

const problem = existsSync(from) ? checkDatabase(from) : 'no such file';
if (problem) {
	console.error(`Not restoring ${from}: ${problem}`);
	process.exit(1);
}
if (existsSync(to)) {
	if (inUse(to)) {
		console.error(`The database ${to} is in use (is the server running?). Stop the server, then restore.`);
		process.exit(1);
	}
	const keep = `${to}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	await copyDatabase(to, keep);
	console.log(`Kept the current database as ${keep}`);
}
await copyDatabase(from, to);
const after = checkDatabase(to);
if (after) {
	console.error(`Restored, but the result does not check out: ${after}`);
	process.exit(1);
}
console.log(`Restored ${from} to ${to}. Start the server again.`);
