/** Queries for a meeting's attendance (`meeting_attendance`) and its invitees. No rules here. */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { AttendanceStatus } from '$lib/server/db/attendance-schema';

/** The forum's members with their role's names: the meeting's invitees. */
export const listInviteeRows = (db: Executor, forumId: string) =>
	db
		.selectFrom('forum_members')
		.innerJoin('people', 'people.id', 'forum_members.person_id')
		.leftJoin('roles', 'roles.id', 'forum_members.role_id')
		.select(['people.id', 'people.name', 'people.customer_id', 'roles.name_sv', 'roles.name_en'])
		.where('forum_members.forum_id', '=', forumId)
		.execute();

/** The meeting's attendance marks with the person's and the marker's names. */
export const listAttendanceMarks = (db: Executor, meetingId: string) =>
	db
		.selectFrom('meeting_attendance')
		.innerJoin('people', 'people.id', 'meeting_attendance.person_id')
		.leftJoin('people as by', 'by.id', 'meeting_attendance.updated_by')
		.select(['people.id', 'people.name', 'people.customer_id', 'meeting_attendance.status', 'meeting_attendance.updated_at', 'by.name as by_name'])
		.where('meeting_attendance.meeting_id', '=', meetingId)
		.execute();

/** Each marked person's status in the meeting. */
export const listAttendanceStatuses = (db: Executor, meetingId: string) =>
	db.selectFrom('meeting_attendance').select(['person_id', 'status']).where('meeting_id', '=', meetingId).execute();

/** People marked in the attendance who are not among these (member) ids, by name. */
export async function listMarkedNonMembers(db: Executor, meetingId: string, memberIds: string[]) {
	let q = db
		.selectFrom('meeting_attendance as a')
		.innerJoin('people as p', 'p.id', 'a.person_id')
		.select(['p.id', 'p.name', 'p.customer_id', sql<string | null>`null`.as('role')])
		.where('a.meeting_id', '=', meetingId);
	if (memberIds.length > 0) q = q.where('a.person_id', 'not in', memberIds);
	return q.orderBy('p.name').execute();
}

export async function deleteAttendanceMark(db: Executor, meetingId: string, personId: string): Promise<void> {
	await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meetingId).where('person_id', '=', personId).execute();
}

export async function upsertAttendanceMark(
	db: Executor,
	row: { meeting_id: string; person_id: string; status: AttendanceStatus; updated_by: string; updated_at: string }
): Promise<void> {
	await db
		.insertInto('meeting_attendance')
		.values(row)
		.onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doUpdateSet({ status: row.status, updated_by: row.updated_by, updated_at: row.updated_at }))
		.execute();
}
