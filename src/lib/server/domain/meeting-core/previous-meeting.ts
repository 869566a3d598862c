/** The forum's meeting before a given one: what its previous-minutes item confirms and what carries over. */
import type { Executor } from '$lib/server/db';
import type { MeetingStatus } from '$lib/domain-types';
import type { Meeting } from '$lib/server/db/schema';
import { findPreviousMeeting } from './meetings.repository';

export interface PreviousMeeting {
	id: string;
	title: string;
	startsAt: string;
	status: MeetingStatus;
	approvedAt: string | null;
}

/** The forum's meeting before this one (by start), if any. */
export async function previousMeetingOf(db: Executor, meeting: Pick<Meeting, 'id' | 'forum_id' | 'starts_at'>): Promise<PreviousMeeting | null> {
	const row = await findPreviousMeeting(db, meeting);
	return row ? { id: row.id, title: row.title, startsAt: row.starts_at, status: row.status, approvedAt: row.approved_at } : null;
}
