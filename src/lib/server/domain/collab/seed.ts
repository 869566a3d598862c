/**
 * Initial content of new documents, created on the server and stored as the
 * document's first snapshot before any client sees it. Never let the first
 * client bootstrap a document: two clients doing it at once duplicate it.
 */
import * as Y from 'yjs';
import type { Executor } from '$lib/server/db';
import { agendaItemMap, agendaItems } from '$lib/realtime/agenda-doc';
import type { AgendaItemTemplate, ForumContent } from '../governance/catalogue.types';
import { newId } from '../ids';
import type { DocumentTarget } from './collab.policy';
import { seedMinutes } from './seed-minutes';

/** The seed as a Yjs update, or null when the document starts empty. */
export async function seedDocument(db: Executor, target: DocumentTarget): Promise<Uint8Array | null> {
	switch (target.parsed.kind) {
		case 'agenda':
			return seedAgenda(await forumAgenda(db, target.forumId));
		case 'minutes':
			return seedMinutes(await forumAgenda(db, target.forumId));
		case 'internal':
			// rich text like the minutes, starting with one empty paragraph to write in
			return seedMinutes([]);
		case 'actions':
			// An empty Y.Array needs no bootstrap: the list simply starts empty.
			return null;
	}
}

async function forumAgenda(db: Executor, forumId: string): Promise<AgendaItemTemplate[]> {
	const row = await db.selectFrom('forums').select('content').where('id', '=', forumId).executeTakeFirst();
	return row ? ((JSON.parse(row.content) as ForumContent).agenda ?? []) : [];
}

/**
 * Agenda items from the forum's agenda (copied from its template when the forum
 * was made). Titles in Swedish, the installation's default language; people
 * edit them freely afterwards.
 */
export function seedAgenda(template: AgendaItemTemplate[]): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		agendaItems(doc).push(
			template.map((t) =>
				agendaItemMap({ id: newId(), kind: t.kind, title: t.title.sv, plannedMinutes: t.minutes, presenter: null, notes: '' })
			)
		);
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
