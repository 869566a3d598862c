/**
 * The installation's administration page (`/admin`): the audit log, the role
 * catalogue, the customers and the supplier's own staff, for supplier admins
 * only. One authorization for the whole page, here rather than in the route.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { auditPage } from '../audit/audit.service';
import { authorize } from '../policy';
import { listCustomers } from './customers.service';
import { listPeople } from './people.service';
import { listRoles } from './roles.service';

/** `query`: the audit log's filters and page (the page's search parameters). */
export async function installationAdmin(db: Db, actor: Actor, query: Record<string, string>) {
	authorize(actor, 'catalogue.manage');
	const [audit, roles, customers, staff] = await Promise.all([
		// the installation's log, a page at a time, filtered by kind and days
		auditPage(db, actor, null, query),
		listRoles(db),
		listCustomers(db, actor),
		listPeople(db, actor, null)
	]);
	return { audit, roles, customers, staff };
}
