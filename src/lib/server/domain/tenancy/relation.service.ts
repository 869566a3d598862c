/**
 * The people of one customer relation seen from the supplier side: supplier
 * staff with the roles they hold in this customer's relation (role
 * assignments are per customer, also for the supplier's own staff).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { authorize } from '../policy';
import { toPersonView, type PersonView } from './people.service';
import { findCustomer, listAssignmentRows, listPeopleRows } from './tenancy.repository';

/**
 * Supplier staff holding at least one role in customer X's relation, with
 * those roles. Readable by whoever may read the customer's people, so a
 * customer's own people see who their contacts at the supplier are.
 */
export async function listRelationStaff(db: Db, actor: Actor, customerId: string): Promise<PersonView[]> {
	authorize(actor, 'person.read', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const [rows, assignments] = await Promise.all([listPeopleRows(db, null), listAssignmentRows(db, customerId)]);
	const staffAssignments = assignments.filter((a) => a.person_customer_id === null);
	return rows
		.map((r) => toPersonView(r, staffAssignments))
		.filter((p) => p.roles.length > 0);
}
