/**
 * The people of one customer relation seen from the supplier side: supplier
 * staff with the roles they hold in this customer's relation (role
 * assignments are per customer, also for the supplier's own staff).
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { authorize } from '../policy';
import type { PersonView } from './people.service';
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
		.map((r) => ({
			id: r.id,
			customerId: r.customer_id,
			name: r.name,
			email: r.email,
			phone: r.phone,
			title: r.title,
			access: r.access,
			hasAccount: Boolean(r.has_account) && !r.disabled_at,
			lastLoginAt: r.last_login_at,
			roles: staffAssignments
				.filter((a) => a.person_id === r.id)
				.map((a) => ({ assignmentId: a.id, roleId: a.role_id, key: a.role_key, nameSv: a.name_sv, nameEn: a.name_en }))
		}))
		.filter((p) => p.roles.length > 0);
}
