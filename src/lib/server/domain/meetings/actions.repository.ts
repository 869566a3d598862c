/** Queries for action items and decisions across meetings and forums (the projected tables). No rules here. */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';
import type { MeetingStatus, Party } from '$lib/domain-types';

const actionsQuery = (db: Executor) =>
	db
		.selectFrom('action_items as a')
		.innerJoin('forums as f', 'f.id', 'a.forum_id')
		.leftJoin('people as p', 'p.id', 'a.owner_person_id')
		.selectAll('a')
		.select(['f.name_sv', 'f.name_en', 'p.name as owner_name', 'p.customer_id as owner_customer_id']);

/** An action with its forum's names and its owner's name and customer. */
export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['execute']>>[number];

/** Narrowing of an action list: these statuses only (null: any), owners of this side only. */
export interface ActionRowFilter {
	statuses: ActionStatus[] | null;
	side?: Party;
}

/** One forum's actions, in list order. */
export async function listForumActionRows(db: Executor, forumId: string, f: ActionRowFilter): Promise<ActionRow[]> {
	let q = actionsQuery(db).where('a.forum_id', '=', forumId).orderBy('a.position');
	if (f.statuses) q = q.where('a.status', 'in', f.statuses);
	if (f.side) q = q.where('p.customer_id', f.side === 'supplier' ? 'is' : 'is not', null).where('a.owner_person_id', 'is not', null);
	return q.execute();
}

/** Every forum's actions of one customer: due first, undated last. */
export async function listCustomerActionRows(db: Executor, customerId: string, f: ActionRowFilter): Promise<ActionRow[]> {
	let q = actionsQuery(db)
		.where('a.customer_id', '=', customerId)
		.orderBy(sql`a.due_date is null`)
		.orderBy('a.due_date')
		.orderBy('a.created_at');
	if (f.statuses) q = q.where('a.status', 'in', f.statuses);
	if (f.side) q = q.where('p.customer_id', f.side === 'supplier' ? 'is' : 'is not', null).where('a.owner_person_id', 'is not', null);
	return q.execute();
}

/** A person's actions in these statuses, due first, undated last; of one customer only when customerId is given. */
export async function listOwnedActionRows(db: Executor, ownerId: string, statuses: ActionStatus[], customerId: string | null): Promise<ActionRow[]> {
	let q = actionsQuery(db)
		.where('a.owner_person_id', '=', ownerId)
		.where('a.status', 'in', statuses)
		.orderBy(sql`a.due_date is null`)
		.orderBy('a.due_date');
	if (customerId !== null) q = q.where('a.customer_id', '=', customerId);
	return q.execute();
}

/** Actions of these forums in these statuses, the person's own first, then by due date; of one customer only when customerId is given. */
export async function listActionRowsOfForums(
	db: Executor,
	q: { forumIds: string[]; statuses: ActionStatus[]; customerId: string | null; ownFirst: string; limit: number }
): Promise<ActionRow[]> {
	let query = actionsQuery(db).where('a.forum_id', 'in', q.forumIds).where('a.status', 'in', q.statuses);
	if (q.customerId !== null) query = query.where('a.customer_id', '=', q.customerId);
	return query
		.orderBy(sql`a.owner_person_id = ${q.ownFirst}`, 'desc')
		.orderBy(sql`a.due_date is null`)
		.orderBy('a.due_date')
		.limit(q.limit)
		.execute();
}

/** A customer's decisions with their meeting and forum: newest meeting first, in minutes order within a meeting. */
export async function listCustomerDecisionRows(
	db: Executor,
	customerId: string,
	f: { states: { op: 'in' | 'not in'; states: MeetingStatus[] } | null; forumId?: string; ids?: string[] }
) {
	let q = db
		.selectFrom('decisions as d')
		.innerJoin('meetings as m', 'm.id', 'd.meeting_id')
		.innerJoin('forums as f', 'f.id', 'd.forum_id')
		.select(['d.id', 'd.meeting_id', 'd.forum_id', 'd.customer_id', 'd.text', 'm.title', 'm.starts_at', 'm.status', 'f.name_sv', 'f.name_en'])
		.where('d.customer_id', '=', customerId)
		.orderBy('m.starts_at', 'desc')
		.orderBy('d.position');
	if (f.states) q = q.where('m.status', f.states.op, f.states.states);
	if (f.forumId) q = q.where('d.forum_id', '=', f.forumId);
	if (f.ids) q = q.where('d.id', 'in', f.ids);
	return q.execute();
}

/** These actions with their forum's names and the meeting they were raised in (the ends of escalation links). */
export const listEscalationEndRows = (db: Executor, ids: string[]) =>
	db
		.selectFrom('action_items as a')
		.innerJoin('forums as f', 'f.id', 'a.forum_id')
		.leftJoin('meetings as m', 'm.id', 'a.raised_meeting_id')
		.select(['a.id', 'a.title', 'a.customer_id', 'a.forum_id', 'a.raised_meeting_id', 'a.escalated_from_id', 'a.escalated_to_id', 'f.name_sv', 'f.name_en', 'm.title as meeting_title', 'm.starts_at as meeting_starts_at'])
		.where('a.id', 'in', ids)
		.execute();
