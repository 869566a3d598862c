/**
 * The demo loader's own reads and writes: the rows it seeds directly, where
 * no service does it (usage counts, a meeting history that has already
 * happened). Repository functions take the executor first so they work
 * inside a transaction. Not for anything but the demo.
 */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { MeetingAttendanceTable } from '$lib/server/db/attendance-schema';
import type { MeetingApprovalsTable, MinutesVersionsTable } from '$lib/server/db/lifecycle-schema';
import type { MeetingsTable } from '$lib/server/db/schema';

/** Whether the database holds any customer (then the demo is not loaded). */
export async function hasCustomers(db: Executor): Promise<boolean> {
	return (await db.selectFrom('customers').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function allRoles(db: Executor) {
	return db.selectFrom('roles').select(['id', 'key', 'party']).execute();
}

/** A customer's people by e-mail address. */
export async function peopleOfCustomer(db: Executor, customerId: string) {
	return db.selectFrom('people').select(['id', 'email', 'access']).where('customer_id', '=', customerId).orderBy('email').execute();
}

/** The customer's first admin, by creation. */
export async function firstCustomerAdmin(db: Executor, customerId: string) {
	return db.selectFrom('people').select('id').where('customer_id', '=', customerId).where('access', '=', 'customer_admin').orderBy('created_at').executeTakeFirst();
}

export async function insertArticleViews(db: Executor, row: { article_id: string; customer_id: string; views: number }): Promise<void> {
	await db.insertInto('kb_article_reads').values(row).execute();
}

export async function insertArticleAnswer(db: Executor, row: { article_id: string; person_id: string; helpful: number; at: string }): Promise<void> {
	await db.insertInto('kb_feedback').values(row).execute();
}

/** Every forum with its customer and the key of the template it was made from. */
export async function forumsWithTemplateKey(db: Executor) {
	return db.selectFrom('forums').innerJoin('forum_templates as t', 't.id', 'forums.template_id').select(['forums.id', 'forums.customer_id', 't.key']).execute();
}

/** A forum's meetings, earliest first. */
export async function meetingsOfForum(db: Executor, forumId: string) {
	return db.selectFrom('meetings').selectAll().where('forum_id', '=', forumId).orderBy('starts_at').execute();
}

/** A forum's members with the customer they belong to (null: the supplier's). */
export async function forumMembersWithParty(db: Executor, forumId: string) {
	return db
		.selectFrom('forum_members')
		.innerJoin('people', 'people.id', 'forum_members.person_id')
		.select(['people.id', 'people.customer_id'])
		.where('forum_id', '=', forumId)
		.execute();
}

export async function insertAttendance(db: Executor, rows: Insertable<MeetingAttendanceTable>[]): Promise<void> {
	if (rows.length > 0) await db.insertInto('meeting_attendance').values(rows).execute();
}

/** Writes a held and approved meeting's lifecycle columns, its approvals and its approved minutes version. */
export async function recordApprovedMeeting(
	db: Executor,
	meetingId: string,
	lifecycle: Updateable<MeetingsTable>,
	approvals: Insertable<MeetingApprovalsTable>[],
	version: Insertable<MinutesVersionsTable>
): Promise<void> {
	await db.updateTable('meetings').set(lifecycle).where('id', '=', meetingId).execute();
	if (approvals.length > 0) await db.insertInto('meeting_approvals').values(approvals).execute();
	await db.insertInto('minutes_versions').values(version).execute();
}
