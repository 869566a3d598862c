/** The meetings the reminder sweep looks at (reminder-sweep.ts). */
import type { Executor } from '$lib/server/db';

/** Meetings ended and waiting for justering, with their forum's reminder interval (days). */
export const listMeetingsAwaitingApproval = (db: Executor): Promise<{ id: string; ended_at: string | null; approval_reminder_days: number }[]> =>
	db
		.selectFrom('meetings as m')
		.innerJoin('forums as f', 'f.id', 'm.forum_id')
		.select(['m.id', 'm.ended_at', 'f.approval_reminder_days'])
		.where('m.status', '=', 'minutes_draft')
		.where('m.ended_at', 'is not', null)
		.execute();
