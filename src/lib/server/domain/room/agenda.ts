/**
 * The agenda items of a meeting as the room needs them (id, title, planned
 * minutes): from the SQL projection once it is filled, otherwise from the
 * meeting's agenda document itself.
 */
import type { Db } from '$lib/server/db';
import { readAgenda } from '$lib/realtime/agenda-doc';
import { meetingDocument } from '../collab/collab.policy';
import { listAgendaItemRows } from '../collab/collab.repository';
import { loadDocument } from '../collab/document-storage';
import type { Meeting } from '$lib/server/db/schema';

export interface RoomAgendaItem {
	id: string;
	title: string;
	kind: string;
	plannedMinutes: number;
}

export async function roomAgenda(db: Db, meeting: Pick<Meeting, 'id' | 'forum_id' | 'customer_id' | 'status'>): Promise<RoomAgendaItem[]> {
	const projected = await listAgendaItemRows(db, meeting.id);
	if (projected.length > 0) return projected.map((r) => ({ id: r.item_id, title: r.title, kind: r.kind, plannedMinutes: r.planned_minutes }));
	const target = meetingDocument(meeting, 'agenda');
	const { doc } = await loadDocument(db, target);
	try {
		return readAgenda(doc).map((i) => ({ id: i.id, title: i.title, kind: i.kind, plannedMinutes: i.plannedMinutes }));
	} finally {
		doc.destroy();
	}
}
