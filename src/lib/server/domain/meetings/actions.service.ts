/**
 * Action items (aktivitetslistan) and decisions (beslut) across meetings and
 * forums, read from the tables the projection keeps in step with the
 * documents. Writing happens in the documents (editors, or the server through
 * the document registry for escalation and carry-over).
 */
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Executor } from '$lib/server/db';
import { containsText } from '$lib/server/db/portable-sql';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';
import type { Party } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import { notFound } from '../errors';
import { loadForum } from '../governance/forums.service';
import { forumIdsOfMember } from '../governance/forums.repository';
import { authorize } from '../policy';
import { DEFAULT_TIME_ZONE } from '../time';
import { parseInput } from '../validation';
import type { EscalationEnd } from '../meeting-core/minutes-model';
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

const actionsQuery = (db: Executor) =>
	db
		.selectFrom('action_items as a')
		.innerJoin('forums as f', 'f.id', 'a.forum_id')
		.leftJoin('people as p', 'p.id', 'a.owner_person_id')
		.selectAll('a')
		.select(['f.name_sv', 'f.name_en', 'p.name as owner_name', 'p.customer_id as owner_customer_id']);

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['execute']>>[number];

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
	side: z.enum(['supplier', 'customer']).optional()
});

function statusesFor(status: z.output<typeof ActionFilter>['status']): ActionStatus[] | null {
	if (status === 'all') return null;
	return status === 'open' ? UNFINISHED : [status];
}

/** The activity list of one forum, in list order. */
export async function listForumActions(db: Executor, actor: Actor, forumId: string, filter: unknown = {}): Promise<ActionView[]> {
	await loadForum(db, actor, forumId, 'meeting.read');
	const f = parseInput(ActionFilter, filter);
	let q = actionsQuery(db).where('a.forum_id', '=', forumId).orderBy('a.position');
	const statuses = statusesFor(f.status);
	if (statuses) q = q.where('a.status', 'in', statuses);
	if (f.side) q = q.where('p.customer_id', f.side === 'supplier' ? 'is' : 'is not', null).where('a.owner_person_id', 'is not', null);
	return actionViews(db, await q.execute());
}

/** Every forum's actions of one customer: due first, undated last. */
export async function listCustomerActions(db: Executor, actor: Actor, customerId: string, filter: unknown = {}): Promise<ActionView[]> {
	authorize(actor, 'meeting.read', { customerId, kind: 'Customer' });
	if (!(await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst())) throw notFound('Customer');
	const f = parseInput(ActionFilter, filter);
	let q = actionsQuery(db)
		.where('a.customer_id', '=', customerId)
		.orderBy(sql`a.due_date is null`)
		.orderBy('a.due_date')
		.orderBy('a.created_at');
	const statuses = statusesFor(f.status);
	if (statuses) q = q.where('a.status', 'in', statuses);
	if (f.side) q = q.where('p.customer_id', f.side === 'supplier' ? 'is' : 'is not', null).where('a.owner_person_id', 'is not', null);
	return actionViews(db, await q.execute());
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
	let q = actionsQuery(db)
		.where('a.owner_person_id', '=', actor.personId)
		.where('a.status', 'in', UNFINISHED)
		.orderBy(sql`a.due_date is null`)
		.orderBy('a.due_date');
	if (!isSupplier(actor)) q = q.where('a.customer_id', '=', actor.customerId ?? '');
	return actionViews(db, await q.execute());
}

/** Unfinished actions of the forums I sit in (for the home page), mine first. */
export async function openActionsOfMyForums(db: Executor, actor: Actor, limit = 20): Promise<ActionView[]> {
	const forums = await forumIdsOfMember(db, actor.personId);
	if (forums.length === 0) return [];
	let q = actionsQuery(db).where('a.forum_id', 'in', forums).where('a.status', 'in', UNFINISHED);
	if (!isSupplier(actor)) q = q.where('a.customer_id', '=', actor.customerId ?? '');
	const rows = await q
		.orderBy(sql`a.owner_person_id = ${actor.personId}`, 'desc')
		.orderBy(sql`a.due_date is null`)
		.orderBy('a.due_date')
		.limit(limit)
		.execute();
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
	if (!(await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst())) throw notFound('Customer');
	const f = parseInput(DecisionFilter, filter);
	let q = db
		.selectFrom('decisions as d')
		.innerJoin('meetings as m', 'm.id', 'd.meeting_id')
		.innerJoin('forums as f', 'f.id', 'd.forum_id')
		.select(['d.id', 'd.meeting_id', 'd.forum_id', 'd.customer_id', 'd.text', 'm.title', 'm.starts_at', 'm.status', 'f.name_sv', 'f.name_en'])
		.where('d.customer_id', '=', customerId)
		.orderBy('m.starts_at', 'desc')
		.orderBy('d.position');
	const states = meetingStatesFor(f.status);
	if (states) q = q.where('m.status', states.op, states.states);
	if (f.forumId) q = q.where('d.forum_id', '=', f.forumId);
	if (f.q) q = q.where(containsText(db, 'd.text', f.q));
	return (await q.execute()).map((r) => ({
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

/** Decisions of one meeting, in minutes order. */
export async function listMeetingDecisions(db: Executor, meetingId: string): Promise<{ id: string; text: string }[]> {
	return db.selectFrom('decisions').select(['id', 'text']).where('meeting_id', '=', meetingId).orderBy('position').execute();
}
