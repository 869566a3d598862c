/**
 * Which roles the customer page offers to whom. A role goes to a person of
 * its own party (assignRole refuses "Role of the other party"), never twice in
 * one relation ("Already assigned"), and only the parties the actor may
 * assign roles to (policy.ts role.assign) are offered at all.
 */
import type { Party } from '$lib/domain-types';
import type { RoleView } from './roles.service';

export interface OfferedRole {
	id: string;
	party: Party;
	nameSv: string;
	nameEn: string;
}

export interface RoleCandidate {
	id: string;
	name: string;
	title: string | null;
	party: Party;
	/** the roles this person can still be given here (their party's, not held in this relation) */
	roleIds: string[];
}

export interface RoleOffers {
	/** every role the actor may assign here, in catalogue order */
	roles: OfferedRole[];
	/** the people the actor may give a role, supplier staff first */
	people: RoleCandidate[];
}

interface Person {
	id: string;
	name: string;
	title: string | null;
	/** the roles held in this customer relation */
	roles: readonly { roleId: string }[];
}

export function roleOffers(input: {
	catalogue: readonly RoleView[];
	may: Record<Party, boolean>;
	/** every supplier staff member (any of them can be given a role in the relation) */
	staff: readonly { id: string; name: string; title: string | null }[];
	/** the supplier staff who hold roles in this relation, with those roles */
	relationStaff: readonly Person[];
	/** the customer's own people, with their roles */
	customerPeople: readonly Person[];
}): RoleOffers {
	const { catalogue, may } = input;
	const roles = catalogue.filter((r) => may[r.party]).map((r) => ({ id: r.id, party: r.party, nameSv: r.nameSv, nameEn: r.nameEn }));
	const held = new Map<string, Set<string>>();
	for (const p of [...input.customerPeople, ...input.relationStaff]) held.set(p.id, new Set(p.roles.map((r) => r.roleId)));
	const candidate = (p: { id: string; name: string; title: string | null }, party: Party): RoleCandidate => ({
		id: p.id,
		name: p.name,
		title: p.title,
		party,
		roleIds: roles.filter((r) => r.party === party && !held.get(p.id)?.has(r.id)).map((r) => r.id)
	});
	return {
		roles,
		people: [
			...(may.supplier ? input.staff.map((p) => candidate(p, 'supplier')) : []),
			...(may.customer ? input.customerPeople.map((p) => candidate(p, 'customer')) : [])
		]
	};
}
