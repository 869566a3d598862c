/** Reads behind the governance health figures (forum-wide statistics). No access checks here. */
import type { Executor } from '$lib/server/db';

/** A customer's forums in their order, or only the given ones of them. */
export const listHealthForumRows = (db: Executor, customerId: string, forumIds: string[] | null) => {
	let q = db.selectFrom('forums').selectAll().where('customer_id', '=', customerId).orderBy('sort_order');
	if (forumIds) q = q.where('id', 'in', forumIds);
	return q.execute();
};

/** The meetings of some forums the health figures count: a cancelled one is not held and not missed. */
export const listMeetingsOfForums = (db: Executor, forumIds: string[]) =>
	db
		.selectFrom('meetings')
		.select(['id', 'forum_id', 'starts_at', 'ends_at', 'status', 'approved_at'])
		.where('forum_id', 'in', forumIds)
		.where('status', '!=', 'cancelled')
		.execute();

/** Attendance marks of the meetings of some forums. */
export const listAttendanceMarksOfForums = (db: Executor, forumIds: string[]) =>
	db
		.selectFrom('meeting_attendance')
		.innerJoin('meetings', 'meetings.id', 'meeting_attendance.meeting_id')
		.select(['meeting_attendance.meeting_id', 'meeting_attendance.person_id', 'meeting_attendance.status'])
		.where('meetings.forum_id', 'in', forumIds)
		.execute();

export const listMemberRolesOfForums = (db: Executor, forumIds: string[]) =>
	db.selectFrom('forum_members').select(['forum_id', 'person_id', 'role_id']).where('forum_id', 'in', forumIds).execute();

export const listAssignedRoleIds = (db: Executor, customerId: string) =>
	db.selectFrom('role_assignments').select(['person_id', 'role_id']).where('customer_id', '=', customerId).execute();

export const listRoleNames = (db: Executor) => db.selectFrom('roles').select(['id', 'key', 'name_sv', 'name_en']).execute();

export const listActionStatesOfForums = (db: Executor, forumIds: string[]) =>
	db.selectFrom('action_items').select(['forum_id', 'status', 'due_date']).where('forum_id', 'in', forumIds).execute();
