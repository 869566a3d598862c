/** The import history a customer's ticket pages show. */
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { authorize } from '../../policy';
import { listImports } from './imports.repository';

export async function recentImports(db: Db, actor: Actor, customerId: string, limit = 10) {
	authorize(actor, 'ticket.read', { customerId, kind: 'Customer' });
	return listImports(db, customerId, limit);
}
