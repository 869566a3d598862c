/**
 * Reads of the room's stored state for domain code that has authorized the
 * meeting already (the room's state, the minutes model): the current agenda
 * item and the note on each slide. Who may change them: room.service.ts.
 */
import { z } from 'zod';
import type { Executor } from '$lib/server/db';
import type { Meeting } from '$lib/server/db/schema';
import { SLIDE_KEYS, type SlideKey } from '$lib/realtime/room/slides';
import { listSlideNoteRows } from './slide-notes.repository';

export interface CurrentItem {
	id: string;
	startedAt: string;
}

/** The current item of a meeting row. */
export const currentItemOf = (meeting: Pick<Meeting, 'current_item_id' | 'current_item_started_at'>): CurrentItem | null =>
	meeting.current_item_id && meeting.current_item_started_at ? { id: meeting.current_item_id, startedAt: meeting.current_item_started_at } : null;

const SlideOrder = z.enum(SLIDE_KEYS);

/** The notes of every slide, in deck order: for the room and for the minutes. */
export async function slideNotesForMeeting(db: Executor, meetingId: string): Promise<{ slide: SlideKey; text: string }[]> {
	const rows = await listSlideNoteRows(db, meetingId);
	return SLIDE_KEYS.flatMap((k) => {
		const row = rows.find((r) => SlideOrder.safeParse(r.slide).success && r.slide === k);
		return row && row.text.trim() ? [{ slide: k, text: row.text }] : [];
	});
}
