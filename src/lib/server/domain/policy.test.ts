import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { DomainError } from './errors';
import { authorize, can, holdsDuty, readsReportsByGrant, type Action, type DutyHolding, type Resource } from './policy';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const actor = (access: Actor['access'], customerId: string | null): Actor => ({
	personId: `${access}-${customerId ?? 'supplier'}`,
	name: access,
	email: `${access}@example.test`,
	access,
	customerId
});

const ACTORS = {
	supplierAdmin: actor('supplier_admin', null),
	supplierStaff: actor('supplier_staff', null),
	adminA: actor('customer_admin', A),
	memberA: actor('customer_member', A),
	adminB: actor('customer_admin', B)
} as const;
type ActorName = keyof typeof ACTORS;

const RESOURCES = {
	/** a thing of customer A (forum, meeting, the customer itself) */
	ofA: { customerId: A },
	/** installation-wide (catalogue, supplier staff list, the whole audit log) */
	global: { customerId: null },
	/** a person of customer A, managed within A */
	personOfA: { customerId: A, personCustomerId: A },
	/** supplier staff, managed within A's relation (role assignment) or on their own */
	staffInA: { customerId: A, personCustomerId: null },
	staff: { customerId: null, personCustomerId: null },
	/** a shared document of a forum of A, for an actor who is a member of that forum */
	ofAAsForumMember: { customerId: A, forumMember: true },
	/** a meeting of A in which the actor holds the chair / presenter / minute-taker duty */
	ofAAsChair: { customerId: A, duties: ['chair'] },
	ofAAsPresenter: { customerId: A, duties: ['presenter'] },
	ofAAsMinuteTaker: { customerId: A, duties: ['minute_taker'] },
	ofAAsConvener: { customerId: A, duties: ['convener'] },
	ofAAsAdjuster: { customerId: A, adjuster: true },
	ofAAsVoter: { customerId: A, voter: true },
	/** a duty of a meeting of A handed over to a party, by someone who does not hold it / holds it */
	ofAToCustomer: { customerId: A, toParty: 'customer' },
	ofAToSupplier: { customerId: A, toParty: 'supplier' },
	ofAHeldToCustomer: { customerId: A, duties: ['chair'], toParty: 'customer' },
	ofAHeldToSupplier: { customerId: A, duties: ['chair'], toParty: 'supplier' },
	/** a portal report of A that A's admin granted the actor */
	ofAGranted: { customerId: A, granted: true },
	/** the agreement of A: the actor is A's BAM / holds A's contract owner role */
	ofAAsBam: { customerId: A, bam: true },
	ofAAsContractOwner: { customerId: A, contractOwner: true },
	/** knowledge-base articles of A by audience, and one shared with every customer */
	kbUsersOfA: { customerId: A, audience: 'users' },
	kbAdminsOfA: { customerId: A, audience: 'admins' },
	kbInternalOfA: { customerId: A, audience: 'internal' },
	kbSharedUsers: { customerId: null, audience: 'users' },
	kbSharedInternal: { customerId: null, audience: 'internal' }
} satisfies Record<string, Resource>;
type ResourceName = keyof typeof RESOURCES;

type Outcome = 'allow' | 'forbidden' | 'not_found';
const Y: Outcome = 'allow';
const F: Outcome = 'forbidden';
const N: Outcome = 'not_found';

/**
 * Expected outcome per action and resource, for the actors in this order:
 * supplierAdmin, supplierStaff, adminA, memberA, adminB.
 * adminB is the other customer: A's things must be "not found" to them.
 */
const TABLE: [Action, ResourceName, [Outcome, Outcome, Outcome, Outcome, Outcome]][] = [
	['customer.list', 'global', [Y, Y, F, F, F]],
	['customer.read', 'ofA', [Y, Y, Y, Y, N]],
	['customer.create', 'global', [Y, F, F, F, F]],
	['customer.update', 'ofA', [Y, F, F, F, N]],
	['person.read', 'ofA', [Y, Y, Y, Y, N]],
	['person.read', 'global', [Y, Y, F, F, F]],
	['person.manage', 'personOfA', [Y, F, Y, F, N]],
	['person.manage', 'staff', [Y, F, F, F, F]],
	['role.assign', 'personOfA', [Y, F, Y, F, N]],
	['role.assign', 'staffInA', [Y, F, F, F, N]],
	['catalogue.manage', 'global', [Y, F, F, F, F]],
	['forum.read', 'ofA', [Y, Y, Y, Y, N]],
	['forum.create', 'ofA', [Y, F, F, F, N]],
	['forum.update', 'ofA', [Y, F, Y, F, N]],
	['duty.assign', 'ofA', [Y, F, Y, F, N]],
	['meeting.read', 'ofA', [Y, Y, Y, Y, N]],
	['meeting.schedule', 'ofA', [Y, Y, Y, F, N]],
	['audit.read', 'ofA', [Y, F, Y, F, N]],
	['audit.read', 'global', [Y, F, F, F, F]],
	['outbox.read', 'ofA', [Y, F, Y, F, N]],
	['outbox.read', 'global', [Y, F, F, F, F]],
	['outbox.resend', 'ofA', [Y, F, Y, F, N]],
	['outbox.resend', 'global', [Y, F, F, F, F]],
	['document.read', 'ofA', [Y, Y, Y, Y, N]],
	['document.write', 'ofA', [Y, Y, Y, F, N]],
	['document.write', 'ofAAsForumMember', [Y, Y, Y, Y, N]],
	['ticket.read', 'ofA', [Y, Y, Y, Y, N]],
	['ticket.import', 'ofA', [Y, Y, F, F, N]],
	['invoice.import', 'ofA', [Y, Y, F, F, N]],
	// the agreement: the supplier's admin, or the staff member who is the customer's BAM, amends it
	['agreement.edit', 'ofA', [Y, F, F, F, N]],
	['agreement.edit', 'ofAAsBam', [Y, Y, F, F, N]],
	// the customer's admin, or a member holding the contract owner role, proposes a change
	['agreement.propose', 'ofA', [F, F, Y, F, N]],
	['agreement.propose', 'ofAAsContractOwner', [F, F, Y, Y, N]],
	['itsm.configure', 'ofA', [Y, F, F, F, N]],
	['kpi.enter', 'ofA', [Y, Y, Y, F, N]],
	['token.manage', 'ofA', [Y, F, F, F, N]],
	['notification.defaults', 'ofA', [Y, F, Y, F, N]],
	['notification.defaults', 'global', [Y, F, F, F, F]],
	// an organisation's own identity provider: A's admin configures A's, only the supplier admin the supplier's
	['identity.configure', 'ofA', [Y, F, Y, F, N]],
	['identity.configure', 'global', [Y, F, F, F, F]],
	['meeting.publish', 'ofA', [Y, Y, F, F, N]],
	['meeting.publish', 'ofAAsConvener', [Y, Y, Y, Y, N]],
	['meeting.run', 'ofA', [F, F, F, F, N]],
	['meeting.run', 'ofAAsChair', [Y, Y, Y, Y, N]],
	['meeting.run', 'ofAAsPresenter', [F, F, F, F, N]],
	['meeting.present', 'ofA', [F, F, F, F, N]],
	['meeting.present', 'ofAAsPresenter', [Y, Y, Y, Y, N]],
	['meeting.present', 'ofAAsChair', [Y, Y, Y, Y, N]],
	['meeting.notes', 'ofA', [F, F, F, F, N]],
	['meeting.notes', 'ofAAsConvener', [F, F, F, F, N]],
	['meeting.notes', 'ofAAsPresenter', [Y, Y, Y, Y, N]],
	['meeting.notes', 'ofAAsChair', [Y, Y, Y, Y, N]],
	['meeting.notes', 'ofAAsMinuteTaker', [Y, Y, Y, Y, N]],
	['meeting.attendance', 'ofA', [Y, Y, F, F, N]],
	['meeting.attendance', 'ofAAsMinuteTaker', [Y, Y, Y, Y, N]],
	['meeting.internal', 'ofA', [Y, Y, F, F, N]],
	['meeting.material', 'ofA', [Y, Y, Y, F, N]],
	['meeting.material', 'ofAAsConvener', [Y, Y, Y, Y, N]],
	['meeting.material', 'ofAAsPresenter', [Y, Y, Y, Y, N]],
	['meeting.material', 'ofAAsChair', [Y, Y, Y, Y, N]],
	['meeting.material', 'ofAAsMinuteTaker', [Y, Y, Y, F, N]],
	['meeting.material', 'ofAAsForumMember', [Y, Y, Y, F, N]],
	['meeting.internal', 'ofAAsChair', [Y, Y, F, F, N]],
	['minutes.approve', 'ofA', [F, F, F, F, N]],
	['minutes.approve', 'ofAAsChair', [Y, Y, Y, Y, N]],
	['minutes.approve', 'ofAAsAdjuster', [Y, Y, Y, Y, N]],
	['minutes.addendum', 'ofA', [F, F, F, F, N]],
	['minutes.addendum', 'ofAAsMinuteTaker', [Y, Y, Y, Y, N]],
	['minutes.export', 'ofA', [Y, Y, Y, Y, N]],
	['duty.pass', 'ofA', [F, F, F, F, N]],
	['duty.pass', 'ofAAsPresenter', [Y, Y, Y, Y, N]],
	// the customer side gives a duty it does not hold only to its own people; its holder passes it to either side
	['duty.handover', 'ofAToCustomer', [Y, F, Y, F, N]],
	['duty.handover', 'ofAToSupplier', [Y, F, F, F, N]],
	['duty.handover', 'ofAHeldToCustomer', [Y, Y, Y, Y, N]],
	['duty.handover', 'ofAHeldToSupplier', [Y, Y, Y, Y, N]],
	['action.escalate', 'ofA', [Y, Y, Y, F, N]],
	['action.escalate', 'ofAAsChair', [Y, Y, Y, Y, N]],
	['cab.vote', 'ofA', [F, F, F, F, N]],
	['cab.vote', 'ofAAsVoter', [Y, Y, Y, Y, N]],
	['report.read', 'ofA', [Y, Y, Y, F, N]],
	['report.read', 'ofAGranted', [Y, Y, Y, Y, N]],
	['report.grant', 'ofA', [Y, F, Y, F, N]],
	['kb.read', 'kbUsersOfA', [Y, Y, Y, Y, N]],
	['kb.read', 'kbAdminsOfA', [Y, Y, Y, F, N]],
	['kb.read', 'kbInternalOfA', [Y, Y, F, F, N]],
	['kb.read', 'kbSharedUsers', [Y, Y, Y, Y, Y]],
	['kb.read', 'kbSharedInternal', [Y, Y, F, F, F]],
	['kb.manage', 'kbUsersOfA', [Y, Y, Y, F, N]],
	['kb.manage', 'kbInternalOfA', [Y, Y, F, F, N]],
	['kb.manage', 'kbSharedUsers', [Y, Y, F, F, F]],
	['kb.feedback', 'kbUsersOfA', [Y, Y, Y, Y, N]],
	['kb.feedback', 'kbAdminsOfA', [Y, Y, Y, F, N]],
	['kb.feedback', 'kbSharedUsers', [Y, Y, Y, Y, Y]],
	['governance.read', 'ofA', [Y, Y, Y, Y, N]]
];

function outcome(a: Actor, action: Action, r: Resource): Outcome {
	try {
		authorize(a, action, r);
		return 'allow';
	} catch (err) {
		if (err instanceof DomainError && (err.code === 'forbidden' || err.code === 'not_found')) return err.code;
		throw err;
	}
}

describe('policy: actor × action × resource', () => {
	const names = Object.keys(ACTORS) as ActorName[];
	const cases = TABLE.flatMap(([action, resource, expected]) =>
		names.map((name, i) => ({ action, resource, name, expected: expected[i] }))
	);

	it.each(cases)('$action on $resource by $name → $expected', ({ action, resource, name, expected }) => {
		const r = RESOURCES[resource];
		expect(outcome(ACTORS[name], action, r)).toBe(expected);
		expect(can(ACTORS[name], action, r)).toBe(expected === 'allow');
	});

	it('covers every action the policy has a rule for', () => {
		// read from the source, so a new action fails here until the table says who may do it
		const source = readFileSync(join(import.meta.dirname, 'policy.ts'), 'utf8');
		const rules = source.slice(source.indexOf('const RULES'), source.indexOf('export function can'));
		const actions = [...rules.matchAll(/^\t'([a-z_]+\.[a-z_.]+)':/gm)].map((m) => m[1]);
		expect(actions.length).toBeGreaterThanOrEqual(15);
		expect(new Set(TABLE.map(([a]) => a))).toEqual(new Set(actions));
	});

	it('an API token does only what its scopes allow, and only in its own customer', () => {
		const token = (scopes: string[]): Actor => ({ ...actor('customer_member', A), token: { id: 't', scopes } });
		const writer = token(['tickets:write']);
		expect(outcome(writer, 'ticket.import', RESOURCES.ofA)).toBe('allow');
		expect(outcome(writer, 'ticket.import', { customerId: B })).toBe('not_found');
		expect(outcome(writer, 'ticket.read', RESOURCES.ofA)).toBe('forbidden');
		expect(outcome(writer, 'forum.read', RESOURCES.ofA)).toBe('forbidden');
		const reader = token(['tickets:read']);
		expect(outcome(reader, 'ticket.read', RESOURCES.ofA)).toBe('allow');
		expect(outcome(reader, 'ticket.import', RESOURCES.ofA)).toBe('forbidden');
		expect(outcome(reader, 'meeting.read', RESOURCES.ofA)).toBe('forbidden');
		expect(outcome(token([]), 'ticket.read', RESOURCES.ofA)).toBe('forbidden');
		// shared documents over /collab: read with documents:read, write only with documents:write
		expect(outcome(token(['documents:read']), 'document.read', RESOURCES.ofA)).toBe('allow');
		expect(outcome(token(['documents:read']), 'document.write', RESOURCES.ofA)).toBe('forbidden');
		expect(outcome(token(['documents:write']), 'document.write', RESOURCES.ofA)).toBe('allow');
		expect(outcome(token(['documents:write']), 'document.write', { customerId: B })).toBe('not_found');
		expect(outcome(token(['documents:write']), 'meeting.internal', RESOURCES.ofA)).toBe('forbidden');
		expect(outcome(token(['tickets:read']), 'document.read', RESOURCES.ofA)).toBe('forbidden');
	});

	it('the knowledge base and governance health need their own scopes, not tickets:read', () => {
		const token = (scopes: string[]): Actor => ({ ...actor('customer_member', A), token: { id: 't', scopes } });
		const tickets = token(['tickets:read']);
		expect(outcome(tickets, 'kb.read', RESOURCES.kbUsersOfA)).toBe('forbidden');
		expect(outcome(tickets, 'governance.read', RESOURCES.ofA)).toBe('forbidden');
		const kb = token(['kb:read']);
		expect(outcome(kb, 'kb.read', RESOURCES.kbUsersOfA)).toBe('allow');
		expect(outcome(kb, 'kb.read', RESOURCES.kbSharedUsers)).toBe('allow');
		// a token reads what every user of its customer reads, nothing for the admins or internal
		expect(outcome(kb, 'kb.read', RESOURCES.kbAdminsOfA)).toBe('forbidden');
		expect(outcome(kb, 'kb.read', { customerId: B, audience: 'users' })).toBe('not_found');
		// reading is not answering "was this helpful?", nor writing, nor the customer's people
		expect(outcome(kb, 'kb.feedback', RESOURCES.kbUsersOfA)).toBe('forbidden');
		expect(outcome(kb, 'kb.manage', RESOURCES.kbUsersOfA)).toBe('forbidden');
		expect(outcome(kb, 'customer.read', RESOURCES.ofA)).toBe('forbidden');
		expect(outcome(kb, 'governance.read', RESOURCES.ofA)).toBe('forbidden');
		const health = token(['governance:read']);
		expect(outcome(health, 'governance.read', RESOURCES.ofA)).toBe('allow');
		expect(outcome(health, 'governance.read', { customerId: B })).toBe('not_found');
		expect(outcome(health, 'kb.read', RESOURCES.kbUsersOfA)).toBe('forbidden');
		expect(outcome(health, 'forum.read', RESOURCES.ofA)).toBe('forbidden');
	});

	it("names the resource kind when another customer's thing is hidden", () => {
		expect(() => authorize(ACTORS.adminB, 'forum.read', { customerId: A, kind: 'Forum' })).toThrow('Forum not found');
	});

	it('a customer admin cannot manage their own customer\'s relation for another customer\'s person', () => {
		// personCustomerId of B inside A's relation: never allowed for A's admin
		expect(outcome(ACTORS.adminA, 'person.manage', { customerId: A, personCustomerId: B })).toBe('forbidden');
	});

	it('holds a duty: a named holder is that person; an unnamed party is its people who work in the forum', () => {
		const ofA = { customerId: A };
		const named: DutyHolding = { party: 'customer', personId: ACTORS.memberA.personId };
		const supplier: DutyHolding = { party: 'supplier', personId: null };
		const customer: DutyHolding = { party: 'customer', personId: null };
		const names = Object.keys(ACTORS) as ActorName[];
		// [holding, forum member, expected per actor: supplierAdmin, supplierStaff, adminA, memberA, adminB]
		const cases: [DutyHolding, boolean, boolean[]][] = [
			[named, false, [false, false, false, true, false]],
			[supplier, false, [true, true, false, false, false]],
			[customer, false, [false, false, true, false, false]],
			// a customer-side forum member holds the customer's unnamed duty; another customer's never
			[customer, true, [false, false, true, true, false]]
		];
		for (const [holding, member, expected] of cases) {
			expect(names.map((n) => holdsDuty(ACTORS[n], holding, ofA, member)), JSON.stringify({ holding, member })).toEqual(expected);
		}
		// an API token holds no duty, not even one named for its person
		const token: Actor = { ...ACTORS.memberA, token: { id: 't', scopes: ['documents:write'] } };
		expect(holdsDuty(token, named, ofA, true)).toBe(false);
		expect(holdsDuty(token, customer, ofA, true)).toBe(false);
	});

	it("reads reports by grant: a customer's members, not its admins, the supplier or another customer", () => {
		const names = Object.keys(ACTORS) as ActorName[];
		expect(names.map((n) => readsReportsByGrant(ACTORS[n], A))).toEqual([false, false, false, true, false]);
		expect(readsReportsByGrant(ACTORS.memberA, B)).toBe(false);
	});
});
