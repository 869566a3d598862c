/**
 * The `meetings` table: every read of a meeting and every change to one goes
 * through here (Kysely's example style: `db` first, so each works inside a
 * transaction). No access checks: the services ask policy.ts first.
 *
 * Queries of other tables that only join a meeting's title or date (the
 * decision register, CAB outcomes, escalation links) and the forum-wide
 * statistics of governance (cadence, health, summaries) read meetings in their
 * own queries; see docs/decisions.md (issue 20.1).
 */
import type { Executor } from '$lib/server/db';
import type { MeetingStatus } from '$lib/domain-types';
import type { Meeting } from '$lib/server/db/schema';

export type MeetingRow = Meeting;
/** A meeting row with the names the lists show. */
export type MeetingWithNames = Meeting & { forum_name_sv: string; forum_name_en: string; customer_name: string };

export const findMeeting = (db: Executor, id: string): Promise<Meeting | undefined> =>
	db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();

export const listMeetingsOfForum = (db: Executor, forumId: string): Promise<Meeting[]> =>
	db.selectFrom('meetings').selectAll().where('forum_id', '=', forumId).orderBy('starts_at').execute();

export const meetingIdsOfForum = async (db: Executor, forumId: string): Promise<string[]> =>
	(await db.selectFrom('meetings').select('id').where('forum_id', '=', forumId).execute()).map((r) => r.id);

const withNames = (db: Executor) =>
	db
		.selectFrom('meetings')
		.innerJoin('forums', 'forums.id', 'meetings.forum_id')
		.innerJoin('customers', 'customers.id', 'meetings.customer_id')
		.selectAll('meetings')
		.select(['forums.name_sv as forum_name_sv', 'forums.name_en as forum_name_en', 'customers.name as customer_name']);

export const findMeetingWithNames = (db: Executor, id: string): Promise<MeetingWithNames | undefined> =>
	withNames(db).where('meetings.id', '=', id).executeTakeFirst();

/** Meetings not yet over at `nowIso` and not cancelled, soonest first; only of these forums / this customer when given. */
export function listUpcomingMeetings(db: Executor, q: { nowIso: string; limit: number; forumIds?: string[]; customerId?: string }): Promise<MeetingWithNames[]> {
	let query = withNames(db).where('meetings.ends_at', '>=', q.nowIso).where('meetings.status', '!=', 'cancelled').orderBy('meetings.starts_at').limit(q.limit);
	if (q.forumIds && q.forumIds.length > 0) query = query.where('meetings.forum_id', 'in', q.forumIds);
	if (q.customerId !== undefined) query = query.where('meetings.customer_id', '=', q.customerId);
	return query.execute();
}

/** The forum's meeting before this one (by start), if any; a cancelled one is skipped (it has no minutes to confirm). */
export const findPreviousMeeting = (db: Executor, meeting: Pick<Meeting, 'id' | 'forum_id' | 'starts_at'>) =>
	db
		.selectFrom('meetings')
		.select(['id', 'title', 'starts_at', 'status', 'approved_at'])
		.where('forum_id', '=', meeting.forum_id)
		.where('id', '!=', meeting.id)
		.where('starts_at', '<', meeting.starts_at)
		.where('status', '!=', 'cancelled')
		.orderBy('starts_at', 'desc')
		.limit(1)
		.executeTakeFirst();

/** The forum's next meeting from `nowIso` on in one of these states, if any. */
/** A meeting still to be held: what "the forum's next meeting" is (escalation, an action due "nästa möte"). */
export const UPCOMING_MEETING_STATES: MeetingStatus[] = ['planned', 'agenda_published'];

/** The forum's first meeting still to be held from `fromIso` on, other than `exceptId`. */
export const findNextMeetingOfForum = (db: Executor, forumId: string, fromIso: string, exceptId: string | null = null) => {
	let q = db
		.selectFrom('meetings')
		.select(['id', 'title', 'starts_at'])
		.where('forum_id', '=', forumId)
		.where('starts_at', '>=', fromIso)
		.where('status', 'in', UPCOMING_MEETING_STATES);
	if (exceptId) q = q.where('id', '<>', exceptId);
	return q.orderBy('starts_at').limit(1).executeTakeFirst();
};

export async function insertMeeting(db: Executor, meeting: Meeting): Promise<void> {
	await db.insertInto('meetings').values(meeting).execute();
}

export async function updateMeeting(db: Executor, id: string, values: Partial<Omit<Meeting, 'id'>>): Promise<void> {
	await db.updateTable('meetings').set(values).where('id', '=', id).execute();
}

/** Compare-and-set: the meeting becomes approved only from `from`; whether this call changed it. */
export async function updateMeetingIfStatus(db: Executor, id: string, from: MeetingStatus, values: Partial<Omit<Meeting, 'id'>>): Promise<boolean> {
	const changed = await db.updateTable('meetings').set(values).where('id', '=', id).where('status', '=', from).executeTakeFirst();
	return Number(changed.numUpdatedRows) === 1;
}

/**
 * Inside a transaction: holds the meeting's row until the transaction ends
 * (a write lock on PostgreSQL; SQLite runs one write transaction at a time),
 * provided its status is not one of `notIn`; whether it did. Something that
 * must not happen after a status change (material after approval) checks
 * with this in its own transaction, so the two cannot interleave.
 */
export async function holdMeetingUnlessStatus(db: Executor, id: string, notIn: readonly MeetingStatus[]): Promise<boolean> {
	const held = await db
		.updateTable('meetings')
		.set((eb) => ({ updated_at: eb.ref('updated_at') }))
		.where('id', '=', id)
		.where('status', 'not in', [...notIn])
		.executeTakeFirst();
	return Number(held.numUpdatedRows) === 1;
}
