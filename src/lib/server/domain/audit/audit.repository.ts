import type { Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { newId, nowIso } from '../ids';

export interface AuditEntry {
	action: string;
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

export interface AuditQuery {
	customerId?: string | null;
	limit?: number;
}

export async function listAudit(db: Executor, q: AuditQuery) {
	let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(q.limit ?? 200);
	if (q.customerId) query = query.where('customer_id', '=', q.customerId);
	return query.execute();
}
