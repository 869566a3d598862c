import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { authorize } from '../policy';
import { findCustomer } from '../tenancy/tenancy.repository';
import { listAudit } from './audit.repository';

export async function auditLog(db: Db, actor: Actor, customerId: string | null) {
	authorize(actor, 'audit.read', { customerId, kind: 'Audit log' });
	const rows = await listAudit(db, { customerId });
	return rows.map((r) => ({
		...r,
		before: r.before ? (JSON.parse(r.before) as unknown) : null,
		after: r.after ? (JSON.parse(r.after) as unknown) : null
	}));
}

export interface AuditEntryView {
	id: string;
	at: string;
	actorId: string | null;
	actorName: string | null;
	customerId: string | null;
	action: string;
	entity: string;
	entityId: string;
	before: unknown;
	after: unknown;
}

/**
 * The audit log of one customer's relation (customerId), or of the whole
 * installation (null, supplier admins only), newest first, as the API shows it.
 */
export async function listAuditEntries(db: Db, actor: Actor, customerId: string | null): Promise<AuditEntryView[]> {
	authorize(actor, 'audit.read', { customerId, kind: 'Customer' });
	if (customerId && !(await findCustomer(db, customerId))) throw notFound('Customer');
	return (await auditLog(db, actor, customerId)).map((r) => ({
		id: r.id,
		at: r.at,
		actorId: r.actor_id,
		actorName: r.actor_name,
		customerId: r.customer_id,
		action: r.action,
		entity: r.entity,
		entityId: r.entity_id,
		before: r.before,
		after: r.after
	}));
}
