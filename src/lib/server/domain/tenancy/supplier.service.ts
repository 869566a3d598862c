import type { Executor } from '$lib/server/db';
import { newId, nowIso } from '../ids';

/** One supplier per installation; created on first start. */
export async function ensureSupplier(db: Executor, name: string): Promise<void> {
	const row = await db.selectFrom('supplier').select('id').executeTakeFirst();
	if (!row) await db.insertInto('supplier').values({ id: newId(), name, created_at: nowIso() }).execute();
}

export async function supplierName(db: Executor): Promise<string> {
	const row = await db.selectFrom('supplier').select('name').executeTakeFirst();
	return row?.name ?? '';
}

export async function renameSupplier(db: Executor, name: string): Promise<void> {
	await db.updateTable('supplier').set({ name }).execute();
}
