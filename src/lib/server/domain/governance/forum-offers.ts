/**
 * What the forum pages may offer: the templates a customer can still create a
 * forum from, the people a duty can be handed to and the people who can join
 * a forum. Pure rules over what the services already read; the same rules the
 * services enforce when the form comes back (createForumFromTemplate refuses a
 * second forum of a template, assignDuty a person of the other party, addMember
 * a member twice or a role of the other party).
 */
import type { Party } from '$lib/domain-types';
import type { Localized } from './catalogue.types';
import type { TemplateView } from './catalogue.service';
import type { EligiblePerson } from './forum-people.service';

export interface TemplateOffer {
	key: TemplateView['key'];
	level: TemplateView['level'];
	name: Localized;
	cadenceText: Localized;
}

/** A customer has at most one forum of each template: the ones it has are not offered again. */
export function templatesToOffer(templates: readonly TemplateView[], forums: readonly { templateKey: string | null }[]): TemplateOffer[] {
	const used = new Set(forums.map((f) => f.templateKey));
	return templates.filter((t) => !used.has(t.key)).map((t) => ({ key: t.key, level: t.level, name: t.name, cadenceText: t.cadence.text }));
}

/** A duty goes to a person of the party that holds it: the eligible people per party. */
export function dutyRecipients(people: readonly EligiblePerson[]): Record<Party, EligiblePerson[]> {
	return { supplier: people.filter((p) => p.party === 'supplier'), customer: people.filter((p) => p.party === 'customer') };
}

/**
 * Who can be named the meeting's adjuster (justerare): the forum's
 * customer-side members (setAdjuster takes a person of the meeting's customer).
 */
export function adjusterCandidates(members: readonly { personId: string; name: string; party: Party }[]): { id: string; name: string }[] {
	return members.filter((p) => p.party === 'customer').map((p) => ({ id: p.personId, name: p.name }));
}

export interface MemberCandidate {
	personId: string;
	name: string;
	/** the role the person would sit in the forum with (one of the roles they hold in the relation), or none */
	roleId: string | null;
	roleName: Localized | null;
}

/**
 * Who can be added to a forum: the eligible people not yet members, one
 * choice per role they hold in the customer relation (a person without a role
 * joins without one), grouped by party.
 */
export function memberCandidates(people: readonly EligiblePerson[], members: readonly { personId: string }[]): Record<Party, MemberCandidate[]> {
	const memberIds = new Set(members.map((m) => m.personId));
	const of = (party: Party) =>
		people
			.filter((p) => p.party === party && !memberIds.has(p.id))
			.flatMap((p): MemberCandidate[] =>
				p.roles.length
					? p.roles.map((r) => ({ personId: p.id, name: p.name, roleId: r.roleId, roleName: r.name }))
					: [{ personId: p.id, name: p.name, roleId: null, roleName: null }]
			);
	return { supplier: of('supplier'), customer: of('customer') };
}
