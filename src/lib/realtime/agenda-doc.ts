/**
 * Shape of an agenda document (`meeting.<id>.agenda`), shared by the server
 * (which seeds it) and the browser (which edits it).
 *
 *   doc.getArray('items'): Y.Array<Y.Map>, in agenda order; each map holds
 *     id             string (uuid), stable across moves
 *     kind           one of AGENDA_ITEM_KINDS
 *     title          Y.Text, so two people can edit one title at once
 *     plannedMinutes number
 *     presenter      string | null (a person id)
 *     notes          Y.Text
 *     carriedFromMeetingId string | null  set when carried over from an earlier meeting
 *     done           boolean  the item was dealt with in the meeting (the chair moves on)
 *     previousMeetingId string | null  on the previous-minutes item: the meeting whose minutes it confirms
 */
import * as Y from 'yjs';

export const AGENDA_ITEMS = 'items';

export { AGENDA_KINDS as AGENDA_ITEM_KINDS, type AgendaKind as AgendaItemKind } from '$lib/governance/agenda-kinds';
import type { AgendaKind as AgendaItemKind } from '$lib/governance/agenda-kinds';

export interface AgendaItem {
	id: string;
	kind: AgendaItemKind;
	title: string;
	plannedMinutes: number;
	presenter: string | null;
	notes: string;
	carriedFromMeetingId?: string | null;
	done?: boolean;
}

export const agendaItems = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(AGENDA_ITEMS);

/** A new item as a Y.Map, ready to be inserted into `agendaItems(doc)`. */
export function agendaItemMap(item: AgendaItem): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('id', item.id);
	map.set('kind', item.kind);
	map.set('title', new Y.Text(item.title));
	map.set('plannedMinutes', item.plannedMinutes);
	map.set('presenter', item.presenter);
	map.set('notes', new Y.Text(item.notes));
	map.set('carriedFromMeetingId', item.carriedFromMeetingId ?? null);
	map.set('done', item.done ?? false);
	return map;
}

/** Plain snapshot of the agenda, for rendering, projection and tests. */
export function readAgenda(doc: Y.Doc): (AgendaItem & { carriedFromMeetingId: string | null; done: boolean; previousMeetingId: string | null })[] {
	return agendaItems(doc)
		.toArray()
		// anyone with write access can push anything: only maps are items
		.filter((m) => m instanceof Y.Map)
		.map((m) => ({
			id: String(m.get('id') ?? ''),
			kind: (m.get('kind') as AgendaItemKind) ?? 'other',
			title: m.get('title')?.toString() ?? '',
			plannedMinutes: Number(m.get('plannedMinutes') ?? 0),
			presenter: (m.get('presenter') as string | null) ?? null,
			notes: m.get('notes')?.toString() ?? '',
			carriedFromMeetingId: typeof m.get('carriedFromMeetingId') === 'string' ? (m.get('carriedFromMeetingId') as string) : null,
			done: m.get('done') === true,
			previousMeetingId: typeof m.get('previousMeetingId') === 'string' ? (m.get('previousMeetingId') as string) : null
		}));
}
