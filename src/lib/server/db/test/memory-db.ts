/** A migrated, empty in-memory SQLite database for each test of a file. */
import { afterEach, beforeEach } from 'vitest';
import { createDb, type Db } from '$lib/server/db';
import { bundledMigrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';

/** Hands each test's fresh database to `use` before the test, and destroys it after. */
export function memoryDbForEachTest(use: (db: Db) => void): void {
	let db: Db;
	beforeEach(async () => {
		db = createDb({ dialect: 'sqlite', filename: ':memory:' });
		await migrateToLatest(db, bundledMigrations);
		use(db);
	});
	afterEach(async () => {
		await db.destroy();
	});
}
