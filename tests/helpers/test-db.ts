/**
 * The database behind a test server. The suite runs twice in CI: on SQLite
 * files (default) and on PostgreSQL (TEST_DATABASE=postgres, with
 * TEST_POSTGRES_URL pointing at a server where we may create databases; see
 * .ci/services). Each test server gets a database of its own; a restarted
 * server (same dataDir) finds its database again through a file in dataDir.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';

export const onPostgres = (): boolean => process.env.TEST_DATABASE === 'postgres';

function adminUrl(): string {
	const url = process.env.TEST_POSTGRES_URL;
	if (!url) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URL (eval "$(bash .ci/services)")');
	return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: adminUrl() });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/** DATABASE_URL for a server using dataDir: created on first use. */
export async function testDatabaseFor(dataDir: string): Promise<string> {
	if (!onPostgres()) return `sqlite:${join(dataDir, 'samverkan.db')}`;
	const marker = join(dataDir, 'database-url');
	if (existsSync(marker)) return readFileSync(marker, 'utf8');
	const name = `samverkan_t_${randomBytes(6).toString('hex')}`;
	await admin((c) => c.query(`create database ${name}`));
	const url = new URL(adminUrl());
	url.pathname = `/${name}`;
	writeFileSync(marker, url.toString());
	return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
	if (!databaseUrl.startsWith('postgres')) return;
	const name = new URL(databaseUrl).pathname.slice(1);
	await admin((c) => c.query(`drop database if exists ${name} with (force)`)).catch(() => {});
}

/**
 * Opens a test server's database directly (what survives a crash, rows a
 * test plants). Untyped on purpose: tests name tables as they are stored.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function openTestDb(databaseUrl: string): Kysely<any> {
	if (databaseUrl.startsWith('postgres')) {
		return new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }) }) });
	}
	const file = databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
	return new Kysely({ dialect: new SqliteDialect({ database: new SQLite(file, { fileMustExist: true }) }) });
}
