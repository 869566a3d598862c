/**
 * Calendar rows: the meetings an invitation or feed lists (with forum and
 * customer names and the agenda), and the personal feed tokens. Repository
 * functions take the executor first so they work inside a transaction.
 */
import type { Executor } from '$lib/server/db';
import type { Access } from '$lib/domain-types';

const meetingRows = (db: Executor) =>
	db
		.selectFrom('meetings')
		.innerJoin('forums', 'forums.id', 'meetings.forum_id')
		.innerJoin('customers', 'customers.id', 'meetings.customer_id')
		.select([
			'meetings.id',
			'meetings.title',
			'meetings.starts_at',
			'meetings.ends_at',
			'meetings.location',
			'meetings.video_url',
			'meetings.created_at',
			'meetings.updated_at',
			'meetings.forum_id',
			'meetings.customer_id',
			'forums.name_sv',
			'forums.name_en',
			'forums.content',
			'customers.name as customer_name'
		]);

export type CalendarMeetingRow = Awaited<ReturnType<ReturnType<typeof meetingRows>['execute']>>[number];

export async function calendarMeetingById(db: Executor, meetingId: string): Promise<CalendarMeetingRow[]> {
	return meetingRows(db).where('meetings.id', '=', meetingId).execute();
}

/**
 * Meetings starting in [from, to], soonest first, without cancelled ones (a
 * subscribed calendar drops them; the members were sent a METHOD:CANCEL); narrowed to one customer,
 * to some forums and to some customers when those are given.
 */
export async function calendarMeetingsBetween(
	db: Executor,
	q: { from: string; to: string; customerId?: string; forumIds?: string[]; customerIds?: string[] }
): Promise<CalendarMeetingRow[]> {
	let query = meetingRows(db)
		.where('meetings.starts_at', '>=', q.from)
		.where('meetings.starts_at', '<=', q.to)
		.where('meetings.status', '!=', 'cancelled')
		.orderBy('meetings.starts_at');
	if (q.customerId !== undefined) query = query.where('meetings.customer_id', '=', q.customerId);
	if (q.forumIds) query = query.where('meetings.forum_id', 'in', q.forumIds);
	if (q.customerIds) query = query.where('meetings.customer_id', 'in', q.customerIds);
	return query.execute();
}

/** The agenda item titles of the meetings, in agenda order. */
export async function agendaTitlesOf(db: Executor, meetingIds: string[]): Promise<{ meeting_id: string; title: string }[]> {
	if (meetingIds.length === 0) return [];
	return db.selectFrom('agenda_items').select(['meeting_id', 'title']).where('meeting_id', 'in', meetingIds).orderBy('meeting_id').orderBy('position').execute();
}

/** The customers a person holds a role in. */
export async function customersWithRolesOf(db: Executor, personId: string): Promise<string[]> {
	return (await db.selectFrom('role_assignments').select('customer_id').distinct().where('person_id', '=', personId).execute()).map((r) => r.customer_id);
}

export async function findFeed(db: Executor, personId: string) {
	return db.selectFrom('calendar_feeds').select(['created_at', 'last_used_at']).where('person_id', '=', personId).executeTakeFirst();
}

/** Puts a new feed token in place of the person's old one; says whether there was one. */
export async function replaceFeed(db: Executor, personId: string, tokenHash: string, at: string): Promise<boolean> {
	const { numDeletedRows } = await db.deleteFrom('calendar_feeds').where('person_id', '=', personId).executeTakeFirst();
	await db.insertInto('calendar_feeds').values({ person_id: personId, token_hash: tokenHash, created_at: at, last_used_at: null }).execute();
	return numDeletedRows > 0n;
}

/** Removes the person's feed; says whether there was one. */
export async function deleteFeed(db: Executor, personId: string): Promise<boolean> {
	const { numDeletedRows } = await db.deleteFrom('calendar_feeds').where('person_id', '=', personId).executeTakeFirst();
	return numDeletedRows > 0n;
}

/** The owner of a feed token, with whether their account is disabled and when the feed was last used. */
export async function findFeedOwner(
	db: Executor,
	tokenHash: string
): Promise<{ id: string; name: string; access: Access; customer_id: string | null; disabled_at: string | null; last_used_at: string | null } | undefined> {
	return db
		.selectFrom('calendar_feeds')
		.innerJoin('people', 'people.id', 'calendar_feeds.person_id')
		.innerJoin('accounts', 'accounts.person_id', 'people.id')
		.select(['people.id', 'people.name', 'people.access', 'people.customer_id', 'accounts.disabled_at', 'calendar_feeds.last_used_at'])
		.where('calendar_feeds.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

export async function touchFeed(db: Executor, personId: string, at: string): Promise<void> {
	await db.updateTable('calendar_feeds').set({ last_used_at: at }).where('person_id', '=', personId).execute();
}
