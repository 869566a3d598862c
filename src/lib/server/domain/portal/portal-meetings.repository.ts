/** The customer's meetings as the portal lists them. Repository functions take the executor first. */
import type { Executor } from '$lib/server/db';
import type { MeetingStatus } from '$lib/domain-types';
import type { ForumLevel } from '$lib/server/db/schema';

export interface PortalMeeting {
	id: string;
	title: string;
	startsAt: string;
	endsAt: string;
	status: MeetingStatus;
	approvedAt: string | null;
	forumId: string;
	forumName: { sv: string; en: string };
	level: ForumLevel;
}

const meetingsOf = (db: Executor, customerId: string) =>
	db
		.selectFrom('meetings as m')
		.innerJoin('forums as f', 'f.id', 'm.forum_id')
		.select(['m.id', 'm.title', 'm.starts_at', 'm.ends_at', 'm.status', 'm.approved_at', 'm.forum_id', 'f.name_sv', 'f.name_en', 'f.level'])
		.where('m.customer_id', '=', customerId);

type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingsOf>['execute']>>[number];

const toPortalMeeting = (r: MeetingRow): PortalMeeting => ({
	id: r.id,
	title: r.title,
	startsAt: r.starts_at,
	endsAt: r.ends_at,
	status: r.status,
	approvedAt: r.approved_at,
	forumId: r.forum_id,
	forumName: { sv: r.name_sv, en: r.name_en },
	level: r.level
});

/** Meetings of the customer from `from` on, not cancelled, soonest first. */
export async function upcomingCustomerMeetings(db: Executor, customerId: string, from: string, limit: number): Promise<PortalMeeting[]> {
	return (await meetingsOf(db, customerId).where('m.ends_at', '>=', from).where('m.status', '!=', 'cancelled').orderBy('m.starts_at').limit(limit).execute()).map(toPortalMeeting);
}

/** Meetings whose minutes are approved (justerat), newest approval first. */
export async function approvedMinutesOf(db: Executor, customerId: string, limit: number): Promise<PortalMeeting[]> {
	return (
		await meetingsOf(db, customerId)
			.where('m.status', 'in', ['minutes_approved', 'confirmed'])
			.where('m.approved_at', 'is not', null)
			.orderBy('m.approved_at', 'desc')
			.limit(limit)
			.execute()
	).map(toPortalMeeting);
}
