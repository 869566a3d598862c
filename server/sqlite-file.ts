/**
 * The SQLite file behind DATABASE_URL, for the backup and restore commands
 * (which run outside the app and never import src/).
 */
import Database from 'better-sqlite3';
import { resolve } from 'node:path';

export function databaseFile(url = process.env.DATABASE_URL ?? 'sqlite:data/samverkan.db'): string {
	if (/^postgres/.test(url)) throw new Error('backup and restore handle the embedded SQLite database only; back up PostgreSQL with pg_dump (docs/deployment.md)');
	return resolve(url.replace(/^(sqlite|file):(\/\/)?/, ''));
}

/** Null when the file is a sound Samverkan database, else what is wrong with it. */
export function checkDatabase(file: string): string | null {
	let db: Database.Database | null = null;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') return `integrity check failed: ${String(integrity)}`;
		const migrations = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get() as { n: number };
		if (migrations.n === 0) return 'not a Samverkan database (no migration table)';
		return null;
	} catch (err) {
		return (err as Error).message;
	} finally {
		db?.close();
	}
}

/**
 * Whether another process has the database open. Every connection to a WAL
 * database holds a shared lock on the file for as long as it is open, so an
 * exclusive lock is granted only when nobody else (a running server) has it.
 */
export function inUse(file: string): boolean {
	const db = new Database(file, { fileMustExist: true, timeout: 0 });
	try {
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE');
		db.exec('COMMIT');
		return false;
	} catch (err) {
		if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
		throw err;
	} finally {
		db.close();
	}
}

/**
 * Copies a database with SQLite's online backup API: a consistent snapshot
 * even while a server writes to the source. All pages go in one step, so that
 * writes by the server cannot make the copy start over again and again.
 */
export async function copyDatabase(from: string, to: string): Promise<void> {
	const src = new Database(from, { readonly: true, fileMustExist: true, timeout: 5000 });
	try {
		await src.backup(to, { progress: () => 0x7fffffff });
	} finally {
		src.close();
	}
}
