/** Column mappings saved per customer for the generic CSV preset. */
import type { Executor } from '$lib/server/db';
import type { ColumnMapping } from './column-mapping';

export async function findMapping(db: Executor, customerId: string, id: string) {
	const row = await db.selectFrom('import_mappings').selectAll().where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst();
	return row ? { id: row.id, name: row.name, mapping: JSON.parse(row.mapping) as ColumnMapping } : undefined;
}

export async function listMappings(db: Executor, customerId: string) {
	const rows = await db.selectFrom('import_mappings').selectAll().where('customer_id', '=', customerId).orderBy('name').execute();
	return rows.map((r) => ({ id: r.id, name: r.name, mapping: JSON.parse(r.mapping) as ColumnMapping }));
}

/** Saves by name: a mapping saved again under the same name replaces the old one. */
export async function upsertMapping(db: Executor, row: { id: string; customerId: string; name: string; mapping: ColumnMapping; now: string }) {
	const existing = await db
		.selectFrom('import_mappings')
		.select('id')
		.where('customer_id', '=', row.customerId)
		.where('name', '=', row.name)
		.executeTakeFirst();
	if (existing) {
		await db.updateTable('import_mappings').set({ mapping: JSON.stringify(row.mapping), updated_at: row.now }).where('id', '=', existing.id).execute();
		return existing.id;
	}
	await db
		.insertInto('import_mappings')
		.values({ id: row.id, customer_id: row.customerId, name: row.name, mapping: JSON.stringify(row.mapping), created_at: row.now, updated_at: row.now })
		.execute();
	return row.id;
}
