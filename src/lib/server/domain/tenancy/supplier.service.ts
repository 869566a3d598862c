import type { Db, Executor } from '$lib/server/db';
import { SYSTEM_ACTOR } from '../actor';
import { createPerson } from './people.service';
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

/**
 * A fresh installation without demo data has nobody to sign in as. When
 * BOOTSTRAP_ADMIN_EMAIL and _PASSWORD are set and no supplier admin exists,
 * this creates one (through the normal service, so it is audited).
 */
export async function ensureBootstrapAdmin(db: Db, email: string | undefined, password: string | undefined): Promise<void> {
	if (!email || !password) return;
	const admin = await db.selectFrom('people').select('id').where('access', '=', 'supplier_admin').executeTakeFirst();
	if (admin) return;
	await createPerson(db, SYSTEM_ACTOR, null, { name: 'Administratör', email, access: 'supplier_admin', password });
}
