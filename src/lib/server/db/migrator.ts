import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './index';

/** Migrations keyed by file name (without extension); the names sort by date. */
export type MigrationSet = Record<string, Migration>;

class RecordProvider implements MigrationProvider {
	constructor(private readonly migrations: MigrationSet) {}
	async getMigrations() {
		return this.migrations;
	}
}

/** Turns a module map (from import.meta.glob or dynamic imports) into a MigrationSet. */
export function migrationSetFromModules(modules: Record<string, Migration>): MigrationSet {
	const set: MigrationSet = {};
	for (const [path, mod] of Object.entries(modules)) {
		const name = path.split('/').pop()!.replace(/\.[jt]s$/, '');
		set[name] = mod;
	}
	return set;
}

export async function migrateToLatest(db: Db, migrations: MigrationSet): Promise<string[]> {
	const migrator = new Migrator({ db, provider: new RecordProvider(migrations) });
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
