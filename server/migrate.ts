/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL and exits.
 * The app also migrates SQLite on start; this command is for deployments that
 * migrate as a separate step (and, later, for PostgreSQL).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { createDb, parseDatabaseUrl } from '../src/lib/server/db/index.ts';
import { migrateToLatest, migrationSetFromModules } from '../src/lib/server/db/migrator.ts';

const dir = resolve('migrations');
const modules: Record<string, Migration> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
	modules[file] = (await import(pathToFileURL(resolve(dir, file)).href)) as Migration;
}

const url = process.env.DATABASE_URL ?? 'sqlite:data/samverkan.db';
const db = createDb(parseDatabaseUrl(url));
try {
	const applied = await migrateToLatest(db, migrationSetFromModules(modules));
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
	await db.destroy();
}
