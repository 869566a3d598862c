/** Queries for duties handed over for one meeting (`meeting_duties`). No rules here. */
import type { Executor } from '$lib/server/db';
import type { Duty, Party } from '$lib/domain-types';

export const listMeetingDutiesWithNames = (db: Executor, meetingId: string) =>
	db
		.selectFrom('meeting_duties')
		.leftJoin('people', 'people.id', 'meeting_duties.person_id')
		.select(['meeting_duties.duty', 'meeting_duties.party', 'meeting_duties.person_id', 'people.name'])
		.where('meeting_duties.meeting_id', '=', meetingId)
		.execute();

export async function deleteMeetingDuty(db: Executor, meetingId: string, duty: Duty): Promise<void> {
	await db.deleteFrom('meeting_duties').where('meeting_id', '=', meetingId).where('duty', '=', duty).execute();
}

export async function upsertMeetingDuty(
	db: Executor,
	row: { meeting_id: string; duty: Duty; party: Party; person_id: string | null; updated_by: string; updated_at: string }
): Promise<void> {
	await db
		.insertInto('meeting_duties')
		.values(row)
		.onConflict((oc) => oc.columns(['meeting_id', 'duty']).doUpdateSet({ party: row.party, person_id: row.person_id, updated_by: row.updated_by, updated_at: row.updated_at }))
		.execute();
}
