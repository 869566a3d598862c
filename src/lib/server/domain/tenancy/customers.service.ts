import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { authorize } from '../policy';
import { optionalText, parseInput, text } from '../validation';
import { countByCustomer, findCustomer, findCustomerIdByName, insertCustomer, listCustomerRows } from './tenancy.repository';

export interface CustomerView {
	id: string;
	name: string;
	orgNumber: string | null;
}

export interface CustomerSummary extends CustomerView {
	people: number;
	forums: number;
	meetings: number;
}

const toView = (row: { id: string; name: string; org_number: string | null }): CustomerView => ({
	id: row.id,
	name: row.name,
	orgNumber: row.org_number
});

/** Supplier staff see every customer; a customer's people see only their own. */
export async function listCustomers(db: Db, actor: Actor): Promise<CustomerSummary[]> {
	const rows = await listCustomerRows(db, isSupplier(actor) ? null : actor.customerId);
	return Promise.all(
		rows.map(async (r) => ({
			...toView(r),
			people: await countByCustomer(db, 'people', r.id),
			forums: await countByCustomer(db, 'forums', r.id),
			meetings: await countByCustomer(db, 'meetings', r.id)
		}))
	);
}

export async function getCustomer(db: Db, actor: Actor, id: string): Promise<CustomerView> {
	authorize(actor, 'customer.read', { customerId: id, kind: 'Customer' });
	const row = await findCustomer(db, id);
	if (!row) throw notFound('Customer');
	return toView(row);
}

export const CustomerInput = z.object({
	name: text(120),
	orgNumber: optionalText(20).refine((v) => v === null || /^\d{6}-?\d{4}$/.test(v), {
		message: 'customer.org_number'
	})
});

export async function createCustomer(db: Db, actor: Actor, input: unknown): Promise<CustomerView> {
	authorize(actor, 'customer.create');
	const data = parseInput(CustomerInput, input);
	return db.transaction().execute(async (tx) => {
		const clash = await findCustomerIdByName(tx, data.name);
		if (clash) throw conflict('A customer with this name already exists', { name: 'field.exists' });
		const now = nowIso();
		const row = { id: newId(), name: data.name, org_number: data.orgNumber, created_at: now, updated_at: now };
		await insertCustomer(tx, row);
		await recordAudit(tx, actor, {
			action: 'customer.create',
			entity: 'customer',
			entityId: row.id,
			customerId: row.id,
			after: toView(row)
		});
		return toView(row);
	});
}
