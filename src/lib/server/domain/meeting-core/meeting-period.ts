/**
 * The period a meeting's figures cover, in whole Stockholm days: from the day
 * of the forum's previous meeting up to and including the day before this
 * one, so that consecutive meetings cover every day exactly once. A forum's
 * first meeting (or one whose previous meeting was the same day) looks at the
 * last full calendar month before it. The meeting page, the room's slides,
 * the frozen figures of the minutes and their exports all take this period
 * and its label (itsm/period.ts formatPeriod).
 */
import { DateTime } from 'luxon';
import type { Executor } from '$lib/server/db';
import type { Meeting } from '$lib/server/db/schema';
import { addDays, dayOf, dayPeriod, type DayPeriod } from '../itsm/period';
import { DEFAULT_TIME_ZONE } from '../time';
import { previousMeetingOf } from './previous-meeting';

export interface MeetingPeriod extends DayPeriod {
	/** whether the period starts at the forum's previous meeting (otherwise: the last full month) */
	sincePrevious: boolean;
}

/** The period of a meeting starting at `startsAt` whose forum met before at `previousStartsAt` (or never). */
export function meetingPeriod(startsAt: string, previousStartsAt: string | null): MeetingPeriod {
	const meetingDay = dayOf(startsAt);
	if (previousStartsAt !== null) {
		const firstDay = dayOf(previousStartsAt);
		if (firstDay < meetingDay) return { ...dayPeriod(firstDay, addDays(meetingDay, -1)), sincePrevious: true };
	}
	const month = DateTime.fromISO(meetingDay, { zone: DEFAULT_TIME_ZONE }).startOf('month').minus({ months: 1 });
	return { ...dayPeriod(month.toISODate()!, month.endOf('month').toISODate()!), sincePrevious: false };
}

/** The period of a stored meeting (previous-meeting.ts says which meeting came before). */
export async function meetingPeriodOf(db: Executor, meeting: Pick<Meeting, 'id' | 'forum_id' | 'starts_at'>): Promise<MeetingPeriod> {
	const previous = await previousMeetingOf(db, meeting);
	return meetingPeriod(meeting.starts_at, previous?.startsAt ?? null);
}
