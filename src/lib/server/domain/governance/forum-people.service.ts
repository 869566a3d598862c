import type { Db } from '$lib/server/db';
import type { Party } from '$lib/domain-types';
import type { Actor } from '../actor';
import { authorize, can, type Resource } from '../policy';
import type { Localized } from './catalogue.types';
import { loadForum } from './forums.service';
import { listEligiblePeopleRows, listRelationRoleRows } from './forums.repository';

export interface EligiblePerson {
	id: string;
	name: string;
	party: Party;
	/** the roles the person holds in this forum's customer relation */
	roles: { roleId: string; name: Localized }[];
}

/**
 * The people who may serve in a forum (as members or duty holders): the
 * supplier's staff and the forum's own customer's people, never another
 * customer's. Only for those who may change the forum's members or duties.
 */
export async function listEligiblePeople(db: Db, actor: Actor, forumId: string): Promise<EligiblePerson[]> {
	const forum = await loadForum(db, actor, forumId, 'forum.read');
	const resource: Resource = { customerId: forum.customer_id, kind: 'Forum' };
	authorize(actor, can(actor, 'forum.update', resource) ? 'forum.update' : 'duty.assign', resource);
	const [people, assignments] = await Promise.all([
		listEligiblePeopleRows(db, forum.customer_id),
		listRelationRoleRows(db, forum.customer_id)
	]);
	return people.map((p) => ({
		id: p.id,
		name: p.name,
		party: p.customer_id ? 'customer' : 'supplier',
		roles: assignments
			.filter((a) => a.person_id === p.id)
			.map((a) => ({ roleId: a.role_id, name: { sv: a.name_sv, en: a.name_en } }))
	}));
}
