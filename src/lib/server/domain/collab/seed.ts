/**
 * Initial content of new documents, created on the server and stored as the
 * document's first snapshot before any client sees it. Never let the first
 * client bootstrap a document: two clients doing it at once duplicate it.
 */
import * as Y from 'yjs';
import type { Executor } from '$lib/server/db';
import { agendaItemMap, agendaItems } from '$lib/realtime/agenda-doc';
import type { AgendaItemTemplate, ForumContent } from '../governance/catalogue.types';
import { findForumContent } from '../governance/forums.repository';
import { newId } from '../ids';
import { findMeeting } from '../meeting-core/meetings.repository';
import { previousMeetingOf } from '../meeting-core/previous-meeting';
import type { DocumentTarget } from './collab.policy';
import { listOpenAgendaItems, listOpenEscalatedActions } from './collab.repository';
import { HANDBOOK_OUTLINE } from './handbook-outline';
import { seedMinutes } from './seed-minutes';

/** The seed as a Yjs update, or null when the document starts empty. */
export async function seedDocument(db: Executor, target: DocumentTarget): Promise<Uint8Array | null> {
	switch (target.parsed.kind) {
		case 'agenda':
			return seedAgenda(await forumAgenda(db, target.forumId), await carriedInto(db, target.meetingId!));
		case 'minutes':
			return seedMinutes(await forumAgenda(db, target.forumId));
		case 'internal':
			// rich text like the minutes, starting with one empty paragraph to write in
			return seedMinutes([]);
		case 'actions':
			// An empty Y.Array needs no bootstrap: the list simply starts empty.
			return null;
		case 'handbook':
			// the Samverkanshandbok's outline in Swedish, for the operational forum to fill in
			return seedMinutes(HANDBOOK_OUTLINE);
	}
}

interface Carried {
	/** the forum's previous meeting, which the previous-minutes item links to */
	previousMeetingId: string | null;
	items: { kind: AgendaItemTemplate['kind']; title: string; plannedMinutes: number; notes: string; carriedFromMeetingId: string | null }[];
}

/**
 * What a new meeting's agenda takes over from before: the previous meeting
 * (for the previous-minutes item), its agenda items that were not dealt with
 * (not done, and not simply the forum's standing items, which come back from
 * the template anyway), and actions escalated into this forum since then.
 */
async function carriedInto(db: Executor, meetingId: string): Promise<Carried> {
	const meeting = await findMeeting(db, meetingId);
	if (!meeting) return { previousMeetingId: null, items: [] };
	const previous = await previousMeetingOf(db, meeting);
	const items: Carried['items'] = [];
	if (previous && HELD.includes(previous.status)) {
		const standing = new Set((await forumAgenda(db, meeting.forum_id)).map((t) => `${t.kind}|${t.title.sv}`));
		const open = await listOpenAgendaItems(db, previous.id);
		for (const i of open) {
			if (standing.has(`${i.kind}|${i.title}`) || i.kind === 'previous_minutes') continue;
			items.push({ kind: i.kind as Carried['items'][number]['kind'], title: i.title, plannedMinutes: i.planned_minutes, notes: i.notes, carriedFromMeetingId: i.carried_from_meeting_id ?? previous.id });
		}
	}
	const escalated = await listOpenEscalatedActions(db, meeting.forum_id, previous !== null ? previous.startsAt : null);
	for (const a of escalated) items.push({ kind: 'escalations', title: `Eskalerat: ${a.title}`, plannedMinutes: 10, notes: a.description, carriedFromMeetingId: null });
	return { previousMeetingId: previous?.id ?? null, items };
}

/** States of a meeting that has been held. */
const HELD: readonly string[] = ['minutes_draft', 'minutes_approved', 'confirmed'];

async function forumAgenda(db: Executor, forumId: string): Promise<AgendaItemTemplate[]> {
	const row = await findForumContent(db, forumId);
	return row ? ((JSON.parse(row.content) as ForumContent).agenda ?? []) : [];
}

/**
 * Agenda items from the forum's agenda (copied from its template when the forum
 * was made). Titles in Swedish, the installation's default language; people
 * edit them freely afterwards.
 */
export function seedAgenda(template: AgendaItemTemplate[], carried: Carried = { previousMeetingId: null, items: [] }): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		const items = template.map((t) => {
			const map = agendaItemMap({ id: newId(), kind: t.kind, title: t.title.sv, plannedMinutes: t.minutes, presenter: null, notes: '' });
			if (t.kind === 'previous_minutes') map.set('previousMeetingId', carried.previousMeetingId);
			return map;
		});
		// A forum whose agenda lacks the item still confirms its previous minutes first.
		if (carried.previousMeetingId && !template.some((t) => t.kind === 'previous_minutes')) {
			const map = agendaItemMap({ id: newId(), kind: 'previous_minutes', title: 'Föregående protokoll', plannedMinutes: 5, presenter: null, notes: '' });
			map.set('previousMeetingId', carried.previousMeetingId);
			items.unshift(map);
		}
		// Carried-over and escalated items go before "other business" (the last item), if there is one.
		const extra = carried.items.map((c) => agendaItemMap({ id: newId(), ...c, presenter: null }));
		const at = items.length > 0 && template.at(-1)?.kind === 'other' ? items.length - 1 : items.length;
		items.splice(at, 0, ...extra);
		agendaItems(doc).push(items);
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
