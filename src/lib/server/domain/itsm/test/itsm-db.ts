/** A migrated in-memory database with one customer, for ITSM domain tests. */
import { afterEach, beforeEach } from 'vitest';
import { createDb, type Db } from '$lib/server/db';
import { bundledMigrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';
import { SYSTEM_ACTOR } from '../../actor';

export const CUSTOMER = '11111111-1111-4111-8111-111111111111';
export const OTHER = '22222222-2222-4222-8222-222222222222';
export const actor = SYSTEM_ACTOR;

export async function itsmDb(): Promise<Db> {
	const db = createDb({ dialect: 'sqlite', filename: ':memory:' });
	await migrateToLatest(db, bundledMigrations);
	const now = new Date().toISOString();
	for (const [id, name] of [
		[CUSTOMER, 'Kund A'],
		[OTHER, 'Kund B']
	]) {
		await db.insertInto('customers').values({ id, name, org_number: null, created_at: now, updated_at: now }).execute();
	}
	return db;
}

/** A fresh database for each test of the file (handed to `use` before the test), destroyed after it. */
export function itsmDbForEachTest(use: (db: Db) => void): void {
	let db: Db;
	beforeEach(async () => {
		db = await itsmDb();
		use(db);
	});
	afterEach(async () => {
		await db.destroy();
	});
}

export const countBy = async (db: Db, col: 'status' | 'kind' | 'source_sla_met' | 'priority', customerId = CUSTOMER) =>
	Object.fromEntries(
		(
			await db
				.selectFrom('tickets')
				.select([col, db.fn.countAll<number>().as('n')])
				.where('customer_id', '=', customerId)
				.groupBy(col)
				.execute()
		).map((r) => [String(r[col as keyof typeof r]), Number(r.n)])
	);
