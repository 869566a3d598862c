import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { authorize } from '../policy';
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
