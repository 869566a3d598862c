/** The import history a customer's ticket pages show. */
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { authorizeItsmRead } from '../read-access';
import { listImports } from './imports.repository';

/** Part of the ticket pages: a member needs the case-handling report granted (read-access.ts). */
export async function recentImports(db: Db, actor: Actor, customerId: string, limit = 10) {
	await authorizeItsmRead(db, actor, customerId, 'cases');
	return listImports(db, customerId, limit);
}
