/**
 * Opens the database chosen by configuration. SQLite (better-sqlite3) is the
 * embedded default; the URL scheme leaves room for `postgres://` later.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repository functions take this first, so they work inside a transaction too. */
export type Executor = Db | Tx;

export interface DbTarget {
	dialect: 'sqlite';
	/** file path, or ':memory:' */
	filename: string;
}

/** `sqlite:data/samverkan.db`, `file:...`, or a bare path. */
export function parseDatabaseUrl(url: string): DbTarget {
	if (/^postgres(ql)?:\/\//.test(url)) {
		throw new Error('PostgreSQL is not supported yet: use a sqlite: DATABASE_URL');
	}
	const filename = url.replace(/^(sqlite|file):(\/\/)?/, '');
	if (!filename) throw new Error(`DATABASE_URL has no file name: ${url}`);
	return { dialect: 'sqlite', filename };
}

export function createDb(target: DbTarget): Db {
	if (target.filename !== ':memory:') mkdirSync(dirname(target.filename), { recursive: true });
	const sqlite = new SQLite(target.filename);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// WAL + NORMAL is durable against process crashes; only an OS crash can lose the last commit.
	sqlite.pragma('synchronous = NORMAL');
	return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
