/** What every notification about a meeting says of it (outbox/notification-payloads.ts), from the row the caller holds. */
import type { Executor } from '$lib/server/db';
import type { Meeting } from '$lib/server/db/schema';
import { findForumRow, listMemberRows } from '../governance/forums.repository';
import type { MeetingSubject } from '../outbox/notification-payloads';
import { findCustomer } from '../tenancy/tenancy.repository';

export async function meetingSubject(db: Executor, meeting: Meeting): Promise<MeetingSubject> {
	const [forum, customer] = await Promise.all([findForumRow(db, meeting.forum_id), findCustomer(db, meeting.customer_id)]);
	return {
		meetingId: meeting.id,
		title: meeting.title,
		forumName: { sv: forum?.name_sv ?? '', en: forum?.name_en ?? '' },
		customerName: customer?.name ?? '',
		startsAt: meeting.starts_at,
		endsAt: meeting.ends_at
	};
}

/** The forum's members, both sides: the meeting's participants. */
export async function participantsOf(db: Executor, meeting: Pick<Meeting, 'forum_id'>): Promise<{ personId: string; customerId: string | null }[]> {
	return (await listMemberRows(db, [meeting.forum_id])).map((m) => ({ personId: m.person_id, customerId: m.customer_id }));
}
