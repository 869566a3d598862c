/**
 * Action items (aktivitetslistan) and decisions (beslut) across meetings and
 * forums, read from the tables the projection keeps in step with the
 * documents. Writing happens in the documents (editors, or the server through
 * the document registry for escalation and carry-over).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Executor } from '$lib/server/db';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';
import { PARTIES, type Party } from '$lib/domain-types';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import { notFound } from '../errors';
import { loadForum } from '../governance/forums.service';
import { forumIdsOfMember } from '../governance/forums.repository';
import { authorize } from '../policy';
import { findCustomer } from '../tenancy/tenancy.repository';
import { DEFAULT_TIME_ZONE } from '../time';
import { parseInput } from '../validation';
import type { EscalationEnd } from '../meeting-core/minutes-model';
import { matchingDecisionIds } from '../search/search.service';
import {
	listActionRowsOfForums,
	listCustomerActionRows,
	listCustomerDecisionRows,
	listForumActionRows,
	listOwnedActionRows,
	type ActionRow
} from './actions.repository';
import { escalationLinks, type EscalationLinks } from './escalation.service';
import { DecisionStatusFilter, decisionStatus, meetingStatesFor, type DecisionStatus } from './decision-status';

export interface ActionView {
	id: string;
	forumId: string;
	forumName: { sv: string; en: string };
	customerId: string;
	title: string;
	description: string;
	owner: { id: string; name: string; side: Party } | null;
	dueDate: string | null;
	status: ActionStatus;
	/** still open or in progress after its due date (Stockholm calendar) */
	overdue: boolean;
	raisedMeetingId: string | null;
	closedMeetingId: string | null;
	escalatedFromId: string | null;
	escalatedToId: string | null;
	/** the other end of an escalation, both ways (escalation.service.ts) */
	escalatedFrom: EscalationEnd | null;
	escalatedTo: EscalationEnd | null;
	createdAt: string;
	updatedAt: string;
}

export interface DecisionView {
	id: string;
	meetingId: string;
	meetingTitle: string;
	meetingStartsAt: string;
	forumId: string;
	forumName: { sv: string; en: string };
	customerId: string;
	text: string;
	/** proposed until the meeting's minutes are approved (decision-status.ts) */
	status: DecisionStatus;
}

export const todayInStockholm = (now = new Date()) => DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE }).toISODate()!;

const UNFINISHED: ActionStatus[] = ['open', 'in_progress'];

function toActionView(r: ActionRow, today: string): Omit<ActionView, 'escalatedFrom' | 'escalatedTo'> {
	return {
		id: r.id,
		forumId: r.forum_id,
		forumName: { sv: r.name_sv, en: r.name_en },
		customerId: r.customer_id,
		title: r.title,
		description: r.description,
		owner: r.owner_person_id && r.owner_name ? { id: r.owner_person_id, name: r.owner_name, side: r.owner_customer_id ? 'customer' : 'supplier' } : null,
		dueDate: r.due_date,
		status: r.status,
		overdue: UNFINISHED.includes(r.status) && r.due_date !== null && r.due_date < today,
		raisedMeetingId: r.raised_meeting_id,
		closedMeetingId: r.closed_meeting_id,
		escalatedFromId: r.escalated_from_id,
		escalatedToId: r.escalated_to_id,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

/** Action views of these rows, each with both ends of its escalations. */
async function actionViews(db: Executor, rows: ActionRow[]): Promise<ActionView[]> {
	const today = todayInStockholm();
	const views = rows.map((r) => toActionView(r, today));
	const links = await escalationLinks(db, views);
	return views.map((v) => ({ ...v, escalatedFrom: links.get(v.id)?.escalatedFrom ?? null, escalatedTo: links.get(v.id)?.escalatedTo ?? null }));
}

export const ActionFilter = z.object({
	/** `open` means not finished (open or in progress); the others are exact */
	status: z.enum(['open', 'in_progress', 'done', 'cancelled', 'all']).default('all'),
	/** whose side owns it */
	side: z.enum(PARTIES).optional()
});

function statusesFor(status: z.output<typeof ActionFilter>['status']): ActionStatus[] | null {
	if (status === 'all') return null;
	return status === 'open' ? UNFINISHED : [status];
}

/** The activity list of one forum, in list order. */
export async function listForumActions(db: Executor, actor: Actor, forumId: string, filter: unknown = {}): Promise<ActionView[]> {
	await loadForum(db, actor, forumId, 'meeting.read');
	const f = parseInput(ActionFilter, filter);
	return actionViews(db, await listForumActionRows(db, forumId, { statuses: statusesFor(f.status), side: f.side }));
}

/** Every forum's actions of one customer: due first, undated last. */
export async function listCustomerActions(db: Executor, actor: Actor, customerId: string, filter: unknown = {}): Promise<ActionView[]> {
	authorize(actor, 'meeting.read', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const f = parseInput(ActionFilter, filter);
	return actionViews(db, await listCustomerActionRows(db, customerId, { statuses: statusesFor(f.status), side: f.side }));
}

/** The escalation links of a forum's actions, by action id, for its activity list (only actions that have one). */
export async function forumEscalationLinks(db: Executor, actor: Actor, forumId: string): Promise<Record<string, EscalationLinks>> {
	const actions = await listForumActions(db, actor, forumId);
	return Object.fromEntries(actions.filter((a) => a.escalatedFrom || a.escalatedTo).map((a) => [a.id, { escalatedFrom: a.escalatedFrom, escalatedTo: a.escalatedTo }]));
}

/**
 * "My actions": unfinished actions I own, in every forum I can see (a
 * customer's people only ever own actions of their own customer).
 */
export async function myActions(db: Executor, actor: Actor): Promise<ActionView[]> {
	return actionViews(db, await listOwnedActionRows(db, actor.personId, UNFINISHED, isSupplier(actor) ? null : (actor.customerId ?? '')));
}

/** Unfinished actions of the forums I sit in (for the home page), mine first. */
export async function openActionsOfMyForums(db: Executor, actor: Actor, limit = 20): Promise<ActionView[]> {
	const forums = await forumIdsOfMember(db, actor.personId);
	if (forums.length === 0) return [];
	const rows = await listActionRowsOfForums(db, { forumIds: forums, statuses: UNFINISHED, customerId: isSupplier(actor) ? null : (actor.customerId ?? ''), ownFirst: actor.personId, limit });
	return actionViews(db, rows);
}

export const DecisionFilter = z.object({
	q: z.string().trim().max(200).optional(),
	forumId: z.string().uuid('field.id').optional(),
	/** decided (the default), proposed (minutes not approved yet) or all */
	status: DecisionStatusFilter
});

/**
 * The decision register of a customer: newest meeting first, in minutes order
 * within a meeting. Decided decisions only unless the filter asks for
 * proposals (decision-status.ts).
 */
export async function listCustomerDecisions(db: Executor, actor: Actor, customerId: string, filter: unknown = {}): Promise<DecisionView[]> {
	authorize(actor, 'meeting.read', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const f = parseInput(DecisionFilter, filter);
	const ids = f.q ? await matchingDecisionIds(db, actor, customerId, f.q) : undefined;
	if (ids?.length === 0) return [];
	return (await listCustomerDecisionRows(db, customerId, { states: meetingStatesFor(f.status), forumId: f.forumId, ids })).map((r) => ({
		id: r.id,
		meetingId: r.meeting_id,
		meetingTitle: r.title,
		meetingStartsAt: r.starts_at,
		forumId: r.forum_id,
		forumName: { sv: r.name_sv, en: r.name_en },
		customerId: r.customer_id,
		text: r.text,
		status: decisionStatus(r.status)
	}));
}
