import type { Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { newId, nowIso } from '../ids';
import type { AuditAction } from './audit-events';

export interface AuditEntry {
	/** one of the registered events (audit-events.ts), so every event has words in both languages */
	action: AuditAction;
	entity: string;
	entityId: string;
	customerId: string | null;
	before?: unknown;
	after?: unknown;
}

/** Written inside the same transaction as the change it describes. */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			id: newId(),
			at: nowIso(),
			actor_id: actor.personId === 'system' ? null : actor.personId,
			actor_name: actor.name,
			customer_id: entry.customerId,
			action: entry.action,
			entity: entry.entity,
			entity_id: entry.entityId,
			before: entry.before === undefined ? null : JSON.stringify(entry.before),
			after: entry.after === undefined ? null : JSON.stringify(entry.after)
		})
		.execute();
}

/**
 * Whether a customer id is known: an audit log asked for an unknown customer
 * answers 404. Asked here rather than of tenancy, which sits above audit
 * (tenancy's changes are audited; layers.test.ts).
 */
export async function isKnownCustomer(db: Executor, customerId: string): Promise<boolean> {
	const row = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
	return row !== undefined;
}

export interface AuditQuery {
	customerId?: string | null;
	/** only these events (an empty list matches nothing) */
	actions?: readonly string[];
	/** ISO instants: from inclusive, to exclusive */
	from?: string;
	to?: string;
	limit?: number;
	offset?: number;
}

function filtered(db: Executor, q: AuditQuery) {
	let query = db.selectFrom('audit_log');
	if (q.customerId) query = query.where('customer_id', '=', q.customerId);
	if (q.actions) query = q.actions.length ? query.where('action', 'in', [...q.actions]) : query.where((eb) => eb(eb.val(1), '=', 0));
	if (q.from) query = query.where('at', '>=', q.from);
	if (q.to) query = query.where('at', '<', q.to);
	return query;
}

/** Newest first (id breaks ties, so pages do not overlap). */
export async function listAudit(db: Executor, q: AuditQuery) {
	return filtered(db, q)
		.selectAll()
		.orderBy('at', 'desc')
		.orderBy('id', 'desc')
		.limit(q.limit ?? 200)
		.offset(q.offset ?? 0)
		.execute();
}

export async function countAudit(db: Executor, q: AuditQuery): Promise<number> {
	const row = await filtered(db, q).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}
