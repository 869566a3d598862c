import type { Db, Executor } from '$lib/server/db';
import { SYSTEM_ACTOR } from '../actor';
import { createPerson } from './people.service';
import { newId, nowIso } from '../ids';
import { findAnySupplierAdmin, findSupplierId, findSupplierName, insertSupplier, setSupplierName } from './tenancy.repository';

/** One supplier per installation; created on first start. */
// no actor: runs at start-up (app.ts) before any request
export async function ensureSupplier(db: Executor, name: string): Promise<void> {
	const row = await findSupplierId(db);
	if (!row) await insertSupplier(db, { id: newId(), name, created_at: nowIso() });
}

// no actor: the supplier's own name, shown on every page to everyone signed in
export async function supplierName(db: Executor): Promise<string> {
	const row = await findSupplierName(db);
	return row?.name ?? '';
}

// no actor: used by the demo loader only, which acts as the system
export async function renameSupplier(db: Executor, name: string): Promise<void> {
	await setSupplierName(db, name);
}

/**
 * A fresh installation without demo data has nobody to sign in as. When
 * BOOTSTRAP_ADMIN_EMAIL and _PASSWORD are set and no supplier admin exists,
 * this creates one (through the normal service, so it is audited).
 */
// no actor: runs at start-up (app.ts) from the configured bootstrap credentials
export async function ensureBootstrapAdmin(db: Db, email: string | undefined, password: string | undefined): Promise<void> {
	if (!email || !password) return;
	const admin = await findAnySupplierAdmin(db);
	if (admin) return;
	await createPerson(db, SYSTEM_ACTOR, null, { name: 'Administratör', email, access: 'supplier_admin', password });
}
