/**
 * The one place that answers "may this actor do this to that?". Every service
 * function calls `authorize` before it reads or writes.
 *
 * Tenancy rule: a customer's people see only their own customer. A resource of
 * another customer is reported as not found, so its existence does not leak.
 */
import type { Duty, Party } from '$lib/domain-types';
import type { Actor } from './actor';
import { isSupplier } from './actor';
import { forbidden, notFound } from './errors';

export type Action =
	| 'customer.list'
	| 'customer.read'
	| 'customer.create'
	| 'customer.update'
	| 'person.read'
	| 'person.manage'
	| 'identity.configure'
	| 'role.assign'
	| 'catalogue.manage'
	| 'forum.read'
	| 'forum.create'
	| 'forum.update'
	| 'duty.assign'
	| 'meeting.read'
	| 'meeting.schedule'
	| 'audit.read'
	| 'outbox.read'
	| 'outbox.resend'
	| 'document.read'
	| 'document.write'
	| 'ticket.read'
	| 'ticket.import'
	| 'itsm.configure'
	| 'kpi.enter'
	| 'token.manage'
	| 'notification.defaults'
	| 'meeting.publish'
	| 'meeting.run'
	| 'meeting.present'
	| 'meeting.notes'
	| 'meeting.attendance'
	| 'meeting.internal'
	| 'meeting.material'
	| 'minutes.approve'
	| 'minutes.addendum'
	| 'minutes.export'
	| 'duty.pass'
	| 'duty.handover'
	| 'action.escalate'
	| 'cab.vote'
	| 'report.read'
	| 'report.grant'
	| 'kb.read'
	| 'kb.manage'
	| 'kb.feedback'
	| 'governance.read'
	| 'agreement.edit'
	| 'agreement.propose'
	| 'invoice.import';

/** The customer a resource belongs to; null for installation-wide resources. */
export interface Resource {
	customerId: string | null;
	/** for person.manage: the party of the person being managed */
	personCustomerId?: string | null;
	/** for document.write: whether the actor is a member of the document's forum */
	forumMember?: boolean;
	/**
	 * for meeting actions: the duties the actor holds in that meeting (chair,
	 * presenter, ...), resolved by `meeting-core/meeting-context.ts`; for duty.pass
	 * only the duty being passed on, if the actor holds it
	 */
	duties?: readonly Duty[];
	/** for duty.handover: the party the duty goes to */
	toParty?: Party;
	/** for minutes.approve: the actor is the meeting's named adjuster (justerare) */
	adjuster?: boolean;
	/** for cab.vote: the actor is an approver in this CAB (a forum member of either side) */
	voter?: boolean;
	/** for report.read: a customer admin granted the actor this report */
	granted?: boolean;
	/** for agreement.edit: the actor is the customer's BAM (Business Account Manager, a supplier role) */
	bam?: boolean;
	/** for agreement.propose: the actor holds the customer's contract owner role (Avtalsansvarig) */
	contractOwner?: boolean;
	/** for kb.read / kb.manage: who the article is for (customerId null: shared with every customer) */
	audience?: 'users' | 'admins' | 'internal';
	/** a human name for error messages */
	kind?: string;
}

type Rule = (actor: Actor, resource: Resource) => boolean;

const ownCustomer: Rule = (actor, r) => r.customerId !== null && actor.customerId === r.customerId;
const supplierOnly: Rule = (actor) => isSupplier(actor);
const supplierAdmin: Rule = (actor) => actor.access === 'supplier_admin';
const customerAdminOfOwn: Rule = (actor, r) => actor.access === 'customer_admin' && ownCustomer(actor, r);

/** Who may read a customer's things at all. */
const canSee: Rule = (actor, r) => isSupplier(actor) || ownCustomer(actor, r);

/** The actor holds one of these duties in the meeting (and sees its customer). */
const holds =
	(...duties: Duty[]): Rule =>
	(actor, r) =>
		canSee(actor, r) && (r.duties ?? []).some((d) => duties.includes(d));

// Duties: an admin hands any duty over (the customer's admin too: "Ansvar kan omfördelas till kund
// vid behov"); whoever holds a duty in a meeting may pass it on (the presenter hands over the slides).
const dutyAssign: Rule = (a, r) => supplierAdmin(a, r) || customerAdminOfOwn(a, r);
const dutyPass: Rule = (a, r) => canSee(a, r) && (r.duties ?? []).length > 0;

/**
 * Whose reading of a customer's portal reports goes by report grants: the
 * customer's members. The customer's admins and the supplier read every
 * report; another customer's people none.
 */
export const readsReportsByGrant = (person: Pick<Actor, 'access' | 'customerId'>, customerId: string): boolean =>
	person.customerId === customerId && person.access === 'customer_member';

// Knowledge base: shared articles (customerId null) reach every customer; internal ones only the supplier.
const kbRead: Rule = (a, r) =>
	isSupplier(a) ||
	((r.customerId === null || ownCustomer(a, r)) && (r.audience === 'users' || (r.audience === 'admins' && a.access === 'customer_admin')));

const RULES: Record<Action, Rule> = {
	'customer.list': supplierOnly,
	'customer.read': canSee,
	'customer.create': supplierAdmin,
	'customer.update': supplierAdmin,
	'person.read': canSee,
	// Customer admins manage their own people only, never supplier staff.
	'person.manage': (a, r) =>
		supplierAdmin(a, r) || (customerAdminOfOwn(a, r) && r.personCustomerId === a.customerId),
	// Sign-in with the organisation's own identity provider: the supplier admin configures every
	// organisation's (the supplier's own too), a customer's admin only their own customer's.
	'identity.configure': (a, r) => supplierAdmin(a, r) || customerAdminOfOwn(a, r),
	'role.assign': (a, r) =>
		supplierAdmin(a, r) || (customerAdminOfOwn(a, r) && r.personCustomerId === a.customerId),
	'catalogue.manage': supplierAdmin,
	'forum.read': canSee,
	'forum.create': supplierAdmin,
	'forum.update': (a, r) => supplierAdmin(a, r) || customerAdminOfOwn(a, r),
	// "Ansvar kan omfördelas till kund vid behov": the customer admin may take duties over.
	'duty.assign': dutyAssign,
	'meeting.read': canSee,
	'meeting.schedule': (a, r) => isSupplier(a) || customerAdminOfOwn(a, r),
	'audit.read': (a, r) => supplierAdmin(a, r) || (r.customerId !== null && customerAdminOfOwn(a, r)),
	// The outbox (Utkorg): the mails sent or kept, and the dead ones to resend. Like the audit view:
	// supplier admins see the installation's, a customer's admin only the mails about their customer.
	'outbox.read': (a, r) => supplierAdmin(a, r) || (r.customerId !== null && customerAdminOfOwn(a, r)),
	'outbox.resend': (a, r) => supplierAdmin(a, r) || (r.customerId !== null && customerAdminOfOwn(a, r)),
	// Shared documents (agenda, minutes, activity list): everyone who sees the
	// customer reads; the supplier, the customer's admins and the forum's own
	// members write. Other people of the customer follow along read-only.
	'document.read': canSee,
	// An API token writes its own customer's documents only with the documents:write scope.
	'document.write': (a, r) => isSupplier(a) || customerAdminOfOwn(a, r) || (ownCustomer(a, r) && (r.forumMember === true || a.token !== undefined)),
	// ITSM data: the customer reads its own tickets, SLA and KPIs; the supplier
	// imports them (an API token only into its own customer, see TOKEN_SCOPES).
	'ticket.read': canSee,
	'ticket.import': (a, r) => isSupplier(a) || (a.token !== undefined && ownCustomer(a, r)),
	'itsm.configure': supplierAdmin,
	'kpi.enter': (a, r) => isSupplier(a) || customerAdminOfOwn(a, r),
	'token.manage': supplierAdmin,
	// How a customer's people are told when they chose nothing themselves: its admin, or the supplier's.
	'notification.defaults': (a, r) => supplierAdmin(a, r) || customerAdminOfOwn(a, r),
	// Meeting lifecycle and the live room: duties decide, not access levels.
	// The convener publishes the agenda (supplier staff may always, they run the process).
	'meeting.publish': (a, r) => isSupplier(a) || holds('convener', 'chair')(a, r),
	// Current item, start and end, timers: the chair only; the control moves with the duty.
	'meeting.run': holds('chair'),
	// Slides: the presenter, or the chair taking over.
	'meeting.present': holds('presenter', 'chair'),
	// The note on each slide: the presenter, the chair and the minute-taker.
	'meeting.notes': holds('presenter', 'chair', 'minute_taker'),
	'meeting.attendance': (a, r) => isSupplier(a) || holds('chair', 'minute_taker')(a, r),
	// Supplier-internal notes never reach a customer's account, whatever its duties.
	'meeting.internal': supplierOnly,
	// Decision material (underlag): those who prepare the meeting upload it (the convener, the
	// compiler, the preparer, the chair, the presenter), and the customer's admin; supplier staff always.
	// Reading it is meeting.read; supplier-internal material needs meeting.internal as well.
	'meeting.material': (a, r) => isSupplier(a) || customerAdminOfOwn(a, r) || holds('convener', 'compiler', 'preparer', 'chair', 'presenter')(a, r),
	// Justering: the chair and the named adjuster from the customer side.
	'minutes.approve': (a, r) => holds('chair')(a, r) || (canSee(a, r) && r.adjuster === true),
	'minutes.addendum': holds('minute_taker'),
	'minutes.export': canSee,
	// Whoever holds a duty in a meeting may pass it on (the presenter hands over the slides).
	'duty.pass': dutyPass,
	// A duty handed over in a meeting (the live room, "the customer takes the chair"): by an admin or by
	// its holder (duties: the duty being handed over, if the actor holds it). The customer side gives a
	// duty it does not hold only to its own people; the supplier's staff to either side.
	'duty.handover': (a, r) => (dutyAssign(a, r) || dutyPass(a, r)) && (isSupplier(a) || r.toParty === 'customer' || (r.duties ?? []).length > 0),
	'action.escalate': (a, r) => isSupplier(a) || customerAdminOfOwn(a, r) || holds('chair')(a, r),
	'cab.vote': (a, r) => canSee(a, r) && r.voter === true,
	// Portal reports: the customer admin sees all of them and grants members theirs.
	'report.read': (a, r) => isSupplier(a) || customerAdminOfOwn(a, r) || (r.customerId !== null && readsReportsByGrant(a, r.customerId) && r.granted === true),
	'report.grant': (a, r) => supplierAdmin(a, r) || customerAdminOfOwn(a, r),
	'kb.read': kbRead,
	// "Was this helpful?" is a person's answer: the same readers, but no token scope grants it.
	'kb.feedback': kbRead,
	'kb.manage': (a, r) => isSupplier(a) || (customerAdminOfOwn(a, r) && r.audience !== 'internal'),
	// Governance health (cadence, overdue actions, time to justering): everyone who sees the customer.
	'governance.read': canSee,
	// The agreement (issue 22): read like a portal report ('agreement' grant, report-grants.service.ts);
	// the supplier's admin and the customer's BAM amend it and accept or decline proposals; the customer's
	// contract owner (Avtalsansvarig) or admin proposes a change. A person's acts: no token does either.
	'agreement.edit': (a, r) => a.token === undefined && (supplierAdmin(a, r) || (isSupplier(a) && r.bam === true)),
	'agreement.propose': (a, r) => a.token === undefined && ownCustomer(a, r) && (a.access === 'customer_admin' || r.contractOwner === true),
	// Invoice lines come from the supplier's billing system: its staff, or a token of the customer with invoices:write.
	'invoice.import': (a, r) => isSupplier(a) || (a.token !== undefined && ownCustomer(a, r))
};

/** Who holds a duty: a named person, or a party without a name. */
export interface DutyHolding {
	party: Party;
	personId: string | null;
}

/**
 * Whether the actor holds a duty of a meeting (who holds which is read by
 * meeting-core/meeting-duties.ts). A duty held by a named person is that
 * person's. A duty held by a party without a name is held by that party's
 * people who work in the forum: the supplier's staff, or the customer's admins
 * and the forum's customer-side members. An API token holds no duty.
 */
export function holdsDuty(actor: Actor, holding: DutyHolding, meeting: { customerId: string }, forumMember: boolean): boolean {
	if (actor.token) return false;
	if (holding.personId) return holding.personId === actor.personId;
	if (holding.party === 'supplier') return isSupplier(actor);
	return actor.customerId === meeting.customerId && (actor.access === 'customer_admin' || forumMember);
}

/** What an API token's scopes let it do; a token can do nothing else, whatever its access says. */
export const TOKEN_SCOPES = {
	'tickets:read': ['customer.read', 'ticket.read'],
	'tickets:write': ['ticket.import'],
	// integrations that read or write the shared documents over /collab (Authorization: Bearer at the upgrade)
	'documents:read': ['document.read'],
	'documents:write': ['document.read', 'document.write'],
	// the knowledge base (list, search, read the articles for every user) and governance health;
	// neither includes customer.read, so they do not open the customer's people either
	'kb:read': ['kb.read'],
	'governance:read': ['governance.read'],
	// the supplier's billing system sends invoice lines (issue 22); reading them is the agreement report, not a scope
	'invoices:write': ['invoice.import']
} as const satisfies Record<string, readonly Action[]>;
export type TokenScope = keyof typeof TOKEN_SCOPES;

const tokenAllows = (actor: Actor, action: Action): boolean =>
	actor.token === undefined ||
	actor.token.scopes.some((s) => (TOKEN_SCOPES[s as TokenScope] as readonly Action[] | undefined)?.includes(action) ?? false);

export function can(actor: Actor, action: Action, resource: Resource = { customerId: null }): boolean {
	return tokenAllows(actor, action) && RULES[action](actor, resource);
}

/**
 * Throws unless allowed. Outside the actor's tenancy the answer is "not found";
 * inside it, "forbidden".
 */
export function authorize(actor: Actor, action: Action, resource: Resource = { customerId: null }): void {
	if (can(actor, action, resource)) return;
	if (!canSee(actor, resource) && resource.customerId !== null) throw notFound(resource.kind ?? 'Resource');
	throw forbidden();
}
