/**
 * Global setup of a test project: builds the demo installation once, by
 * starting the real server with --demo against a template database, and
 * hands the template to the tests. Each demo test server then starts from a
 * copy (a file copy on SQLite; CREATE DATABASE … TEMPLATE … on PostgreSQL)
 * instead of loading the demo again: the same data, without repeating the
 * import and password hashing for every server of the run. The template is
 * per run, so runs sharing one machine or PostgreSQL server stay apart.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';
import { adminQuery, databaseUrlNamed } from './test-db';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	if (project.config.env?.TEST_DATABASE === 'postgres') {
		const name = `samverkan_tpl_${randomBytes(5).toString('hex')}`;
		await adminQuery(`create database ${name}`);
		const server = await startServer({ demo: true, databaseUrl: databaseUrlNamed(name) });
		await server.stop();
		project.provide('demoTemplate', { postgres: name });
		return () => adminQuery(`drop database if exists ${name} with (force)`);
	}
	const dir = mkdtempSync(join(tmpdir(), 'samverkan-template-'));
	const file = join(dir, 'samverkan.db');
	const server = await startServer({ demo: true, databaseUrl: `sqlite:${file}` });
	await server.stop();
	// fold the write-ahead log into the file, so that the file alone is the whole database
	const db = new SQLite(file);
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.pragma('journal_mode = DELETE');
	db.close();
	project.provide('demoTemplate', { sqliteFile: file });
	return async () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** the run's demo database to copy (demo-template.setup.ts) */
		demoTemplate?: { postgres?: string; sqliteFile?: string };
	}
}
