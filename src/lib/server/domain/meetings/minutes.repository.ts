/**
 * The approvals (justering) of a meeting's minutes and its stored versions
 * (the approved one and the dated addenda). Queries only, `db` first; the
 * lifecycle service checks access and keeps the order of the steps.
 */
import type { Executor } from '$lib/server/db';
import type { MeetingApprovalsTable, MinutesVersionsTable } from '$lib/server/db/lifecycle-schema';

/** The approvals so far, oldest first. */
export const listApprovalRows = (db: Executor, meetingId: string) =>
	db.selectFrom('meeting_approvals').select(['role', 'person_id', 'at']).where('meeting_id', '=', meetingId).orderBy('at').execute();

/** The approvals with the approvers' names, oldest first. */
export const listApprovalsWithNames = (db: Executor, meetingId: string) =>
	db
		.selectFrom('meeting_approvals as a')
		.innerJoin('people as p', 'p.id', 'a.person_id')
		.select(['a.role', 'a.person_id', 'p.name', 'a.at'])
		.where('a.meeting_id', '=', meetingId)
		.orderBy('a.at')
		.execute();

/** Fails with a unique violation when that role has approved already ((meeting_id, role) is the key). */
export async function insertApproval(db: Executor, row: MeetingApprovalsTable): Promise<void> {
	await db.insertInto('meeting_approvals').values(row).execute();
}

/** The newest approved version, if the minutes are approved. */
export const findApprovedVersion = (db: Executor, meetingId: string) =>
	db
		.selectFrom('minutes_versions')
		.select(['content', 'created_at'])
		.where('meeting_id', '=', meetingId)
		.where('kind', '=', 'approved')
		.orderBy('created_at', 'desc')
		.executeTakeFirst();

export async function insertMinutesVersion(db: Executor, row: MinutesVersionsTable): Promise<void> {
	await db.insertInto('minutes_versions').values(row).execute();
}

/** The addenda with their writers' names, oldest first. */
export const listAddendumRows = (db: Executor, meetingId: string) =>
	db
		.selectFrom('minutes_versions as v')
		.leftJoin('people as p', 'p.id', 'v.created_by')
		.select(['v.id', 'v.content', 'p.name', 'v.created_at'])
		.where('v.meeting_id', '=', meetingId)
		.where('v.kind', '=', 'addendum')
		.orderBy('v.created_at')
		.execute();

/** A meeting's agenda items (projected) with the presenter's name, in agenda order. */
export const listAgendaWithPresenters = (db: Executor, meetingId: string) =>
	db
		.selectFrom('agenda_items as a')
		.leftJoin('people as p', 'p.id', 'a.presenter_id')
		.select(['a.title', 'a.kind', 'a.planned_minutes', 'p.name as presenter'])
		.where('a.meeting_id', '=', meetingId)
		.orderBy('a.position')
		.execute();

/** A forum's actions (projected) with the owner's name and customer, in list order. */
export const listForumActionsWithOwners = (db: Executor, forumId: string) =>
	db
		.selectFrom('action_items as a')
		.leftJoin('people as p', 'p.id', 'a.owner_person_id')
		.select(['a.id', 'a.title', 'a.description', 'a.due_date', 'a.status', 'a.raised_meeting_id', 'a.closed_meeting_id', 'a.escalated_from_id', 'a.escalated_to_id', 'p.name', 'p.customer_id'])
		.where('a.forum_id', '=', forumId)
		.orderBy('a.position')
		.execute();
