/**
 * The agenda items of a meeting as the room needs them (id, title, planned
 * minutes): from the SQL projection once it is filled, otherwise from the
 * meeting's agenda document itself.
 */
import type { Db } from '$lib/server/db';
import { readAgenda } from '$lib/realtime/agenda-doc';
import { meetingAgendaDoc, parseDocName } from '$lib/realtime/doc-names';
import { resolveDocument } from '../collab/collab.policy';
import { loadDocument } from '../collab/documents.service';
import type { MeetingRef } from '../meeting-core/meeting-duties';

export interface RoomAgendaItem {
	id: string;
	title: string;
	kind: string;
	plannedMinutes: number;
}

export async function roomAgenda(db: Db, meeting: MeetingRef): Promise<RoomAgendaItem[]> {
	const projected = await db
		.selectFrom('agenda_items')
		.select(['item_id', 'title', 'kind', 'planned_minutes'])
		.where('meeting_id', '=', meeting.id)
		.orderBy('position')
		.execute();
	if (projected.length > 0) return projected.map((r) => ({ id: r.item_id, title: r.title, kind: r.kind, plannedMinutes: r.planned_minutes }));
	const target = await resolveDocument(db, parseDocName(meetingAgendaDoc(meeting.id))!);
	const { doc } = await loadDocument(db, target);
	try {
		return readAgenda(doc).map((i) => ({ id: i.id, title: i.title, kind: i.kind, plannedMinutes: i.plannedMinutes }));
	} finally {
		doc.destroy();
	}
}
