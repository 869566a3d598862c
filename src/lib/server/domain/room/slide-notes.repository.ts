/** The note written on each slide of a meeting's deck. Queries only, `db` first. */
import type { Executor } from '$lib/server/db';

export const listSlideNoteRows = (db: Executor, meetingId: string) =>
	db.selectFrom('room_slide_notes').select(['slide', 'text']).where('meeting_id', '=', meetingId).execute();

/** One note per slide: writing again replaces it. */
export async function upsertSlideNote(db: Executor, row: { meeting_id: string; slide: string; text: string; updated_by: string; updated_at: string }): Promise<void> {
	await db
		.insertInto('room_slide_notes')
		.values(row)
		.onConflict((oc) => oc.columns(['meeting_id', 'slide']).doUpdateSet({ text: row.text, updated_by: row.updated_by, updated_at: row.updated_at }))
		.execute();
}
