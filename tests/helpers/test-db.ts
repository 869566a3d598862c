/**
 * The database behind a test server. The suite runs twice in CI: on SQLite
 * files (default) and on PostgreSQL (TEST_DATABASE=postgres, with
 * TEST_POSTGRES_URL pointing at a server where we may create databases; see
 * .ci/services). Each test server gets a database of its own; a restarted
 * server (same dataDir) finds its database again through a file in dataDir.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';

export const onPostgres = (): boolean => process.env.TEST_DATABASE === 'postgres';

function adminUrl(): string {
	const url = process.env.TEST_POSTGRES_URL;
	if (!url) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URL (eval "$(bash .ci/services)")');
	return url;
}

/** Runs one statement on the PostgreSQL server's maintenance database (create/drop database). */
export async function adminQuery(statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl() });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

export function databaseUrlNamed(name: string): string {
	const url = new URL(adminUrl());
	url.pathname = `/${name}`;
	return url.toString();
}

/** The run's demo template; none outside vitest (the benches start the server with --demo, which loads the demo itself). */
function demoTemplate(): ReturnType<typeof inject<'demoTemplate'>> | undefined {
	try {
		return inject('demoTemplate');
	} catch {
		return undefined;
	}
}

/**
 * DATABASE_URL for a server using dataDir: created on first use. A demo
 * server starts from a copy of the run's demo template
 * (demo-template.setup.ts), which is what --demo would have loaded.
 */
export async function testDatabaseFor(dataDir: string, opts: { demoCopy?: boolean } = {}): Promise<string> {
	const demo = opts.demoCopy ? demoTemplate() : undefined;
	if (!onPostgres()) {
		const file = join(dataDir, 'samverkan.db');
		if (demo?.sqliteFile && !existsSync(file)) copyFileSync(demo.sqliteFile, file);
		return `sqlite:${file}`;
	}
	const marker = join(dataDir, 'database-url');
	if (existsSync(marker)) return readFileSync(marker, 'utf8');
	const name = `samverkan_t_${randomBytes(6).toString('hex')}`;
	const template = demo?.postgres;
	await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
	const url = databaseUrlNamed(name);
	writeFileSync(marker, url);
	return url;
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
	if (!databaseUrl.startsWith('postgres')) return;
	const name = new URL(databaseUrl).pathname.slice(1);
	await adminQuery(`drop database if exists ${name} with (force)`).catch(() => {});
}

/**
 * Opens a test server's database directly (what survives a crash, rows a
 * test plants). Untyped on purpose: tests name tables as they are stored.
 */
export function openTestDb(databaseUrl: string): Kysely<any> {
	if (databaseUrl.startsWith('postgres')) {
		return new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }) }) });
	}
	const file = databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
	return new Kysely({ dialect: new SqliteDialect({ database: new SQLite(file, { fileMustExist: true }) }) });
}

/** Names of the tables and indexes in the database: proof that nothing was dropped. */
export async function schemaObjects(databaseUrl: string): Promise<string[]> {
	const db = openTestDb(databaseUrl);
	try {
		const query = databaseUrl.startsWith('postgres')
			? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'
				union all select indexname from pg_indexes where schemaname = 'public' order by name`
			: sql<{ name: string }>`select name from sqlite_master where type in ('table', 'index') order by name`;
		return (await query.execute(db)).rows.map((r) => r.name);
	} finally {
		await db.destroy();
	}
}

/**
 * A digest of every row of every table (rows in any order), by table: proof
 * that a walk changed nothing. `ignore` leaves out columns that reading alone
 * moves on (a session's expiry, a token's last use).
 */
export async function tableDigests(databaseUrl: string, ignore: Record<string, string[]> = {}): Promise<Record<string, string>> {
	const db = openTestDb(databaseUrl);
	try {
		const tables = databaseUrl.startsWith('postgres')
			? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by name`
			: sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`;
		const digests: Record<string, string> = {};
		for (const { name } of (await tables.execute(db)).rows) {
			const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
			const lines = rows
				.map((row) => {
					for (const column of ignore[name] ?? []) delete row[column];
					return createHash('sha256').update(JSON.stringify(row)).digest('hex');
				})
				.sort();
			digests[name] = `${rows.length}:${createHash('sha256').update(lines.join()).digest('hex')}`;
		}
		return digests;
	} finally {
		await db.destroy();
	}
}

/**
 * Plants an approved version of a meeting's minutes (and an addendum) as the
 * lifecycle would store them: for export tests that need a given content.
 */
export async function plantApprovedMinutes(
	databaseUrl: string,
	meetingId: string,
	authorId: string,
	model: unknown,
	addendum: string
): Promise<void> {
	const db = openTestDb(databaseUrl);
	try {
		const row = (kind: string, content: unknown, at: string) => ({
			id: randomUUID(),
			meeting_id: meetingId,
			kind,
			state: null,
			content: JSON.stringify(content),
			created_by: authorId,
			created_at: at
		});
		await db
			.insertInto('minutes_versions')
			.values([row('approved', model, '2026-01-17T07:30:00.000Z'), row('addendum', { text: addendum }, '2026-01-20T09:00:00.000Z')])
			.execute();
		await db.updateTable('meetings').set({ status: 'minutes_approved', approved_at: '2026-01-17T07:30:00.000Z' }).where('id', '=', meetingId).execute();
	} finally {
		await db.destroy();
	}
}
