/**
 * What a screen that shows the live room needs besides the live connection:
 * the slides' figures, the agenda items (for the current item and its timer)
 * and the material that can be shown. The room page and the meeting page in
 * meeting mode both load it here, so they show the same.
 */
import type { Db } from '$lib/server/db';
import type { ShownMaterial } from '$lib/realtime/room/events';
import type { Actor } from '../actor';
import { presentableMaterialList } from '../material/material.service';
import { requireMeeting } from '../meeting-core/meeting-context';
import { roomAgenda, type RoomAgendaItem } from './agenda';
import { slideDeck, type SlideDeck } from './slides.service';

export interface RoomScreen {
	deck: SlideDeck;
	agenda: RoomAgendaItem[];
	material: ShownMaterial[];
}

/** Authorized by the slides (meeting.read) and the material list (the meeting's access). */
export async function roomScreen(db: Db, actor: Actor, meetingId: string): Promise<RoomScreen> {
	const meeting = await requireMeeting(db, meetingId);
	const [deck, agenda, material] = await Promise.all([slideDeck(db, actor, meeting), roomAgenda(db, meeting), presentableMaterialList(db, actor, meetingId)]);
	return { deck, agenda, material };
}
