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
