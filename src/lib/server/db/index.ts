/**
 * Opens the database chosen by configuration: SQLite (better-sqlite3) is the
 * embedded default, PostgreSQL (`pg`) the shared database for several
 * instances. Both speak the same schema (see migrations/lib/portable.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema';
import { scopedDialect } from './request-scope';
import { checkpointInWorker } from './wal-checkpointer';
import { onFirstUse } from '../on-first-use';

/** PostgreSQL's client, loaded only by an installation that uses it. */
const pgClient = onFirstUse<typeof pg>('pg');

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repository functions take this first, so they work inside a transaction too. */
export type Executor = Db | Tx;

export type DbTarget =
	| {
			dialect: 'sqlite';
			/** file path, or ':memory:' */
			filename: string;
	  }
	| {
			dialect: 'postgres';
			/** the postgres:// URL, as given */
			connectionString: string;
	  };

/** `postgres://…` / `postgresql://…`, or `sqlite:data/samverkan.db`, `file:...`, or a bare path. */
export function parseDatabaseUrl(url: string): DbTarget {
	if (/^postgres(ql)?:\/\//.test(url)) {
		try {
			new URL(url);
		} catch {
			throw new Error(`DATABASE_URL is not a valid PostgreSQL URL: ${redact(url)}`);
		}
		return { dialect: 'postgres', connectionString: url };
	}
	const filename = url.replace(/^(sqlite|file):(\/\/)?/, '');
	if (!filename) throw new Error(`DATABASE_URL has no file name: ${url}`);
	return { dialect: 'sqlite', filename };
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
	return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

export function createDb(target: DbTarget): Db {
	return target.dialect === 'postgres' ? createPostgres(target.connectionString) : createSqlite(target.filename);
}

function createSqlite(filename: string): Db {
	if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
	const sqlite = new SQLite(filename);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// WAL + NORMAL is durable against process crashes; only an OS crash can lose the last commit.
	sqlite.pragma('synchronous = NORMAL');
	if (filename !== ':memory:') checkpointInWorker(sqlite, filename);
	const db = new Kysely<Database>({ dialect: scopedDialect(new SqliteDialect({ database: keptStatements(sqlite) })) });
	sqliteHandles.set(db, sqlite);
	return db;
}

const sqliteHandles = new WeakMap<Db, SQLite.Database>();

/**
 * Runs `work` on the better-sqlite3 handle behind a SQLite database, outside
 * any transaction: at once if none is open on the connection (`work` is
 * synchronous, so nothing can begin one meanwhile), else once Kysely's one
 * connection is free (the transaction that held it has ended). For the one
 * hot path that is cheaper without Kysely's query building and promises (the
 * collab update log, collab.repository.ts). Null on PostgreSQL: nothing runs.
 */
export async function withSqliteHandle<T>(db: Db, work: (sqlite: SQLite.Database) => T): Promise<{ result: T } | null> {
	// Waiting for Kysely's connection was a third of a group commit's time (bench/README.md, session 13).
	const now = withFreeSqliteHandle(db, work);
	if (now) return now;
	const sqlite = sqliteHandles.get(db);
	if (!sqlite) return null;
	return db.connection().execute(async () => ({ result: work(sqlite) }));
}

/**
 * Runs synchronous `work` on the better-sqlite3 handle at once, if this is
 * SQLite and no transaction is open on it (nothing can begin one while `work`
 * runs); `null` when it did not run. For the hot path that must not wait for
 * a promise when it need not (the group commit of live edits).
 */
export function withFreeSqliteHandle<T>(db: Db, work: (sqlite: SQLite.Database) => T): { result: T } | null {
	const sqlite = sqliteHandles.get(db);
	if (!sqlite || sqlite.inTransaction) return null;
	return { result: work(sqlite) };
}

/**
 * better-sqlite3 with its prepared statements kept by SQL text (Kysely
 * prepares every query anew; preparing was a tenth of a page's server time).
 * A statement still being iterated (a stream) is not handed out again: that
 * caller gets a new one. At most 1,000 kept; the oldest goes first.
 */
function keptStatements(sqlite: SQLite.Database): SqliteDatabase {
	const kept = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(text: string) {
			const statement = kept.get(text);
			if (statement && !statement.busy) return statement;
			const fresh = sqlite.prepare(text);
			if (!statement) {
				if (kept.size >= 1_000) kept.delete(kept.keys().next().value!);
				kept.set(text, fresh);
			}
			return fresh;
		}
	};
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * count(*) and sum() come back as int8/numeric, which pg hands over as strings
 * (they may exceed 2^53). Our counts never do, and the domain expects numbers
 * as SQLite gives them, so these two types parse to numbers: for this pool
 * only, not through pg's global type table.
 */
const pgTypes = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => (value === null ? null : Number(value));
		return pgClient().types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

function createPostgres(connectionString: string): Db {
	const pool = new (pgClient().Pool)({
		connectionString,
		max: Number(process.env.PG_POOL_MAX ?? 10),
		types: pgTypes,
		// fail fast when the database is unreachable instead of hanging a request
		connectionTimeoutMillis: 10_000,
		idleTimeoutMillis: 30_000
	});
	// An idle client losing its connection (database restart) must not crash the process.
	pool.on('error', (err) => console.error('postgres: idle connection failed', err.message));
	return new Kysely<Database>({ dialect: scopedDialect(new PostgresDialect({ pool })) });
}

/** Resolves when the database answers a trivial query (health checks); rejects otherwise. */
export async function pingDatabase(db: Db): Promise<void> {
	await sql`select 1`.execute(db);
}
