/**
 * Shape of an activity list (aktivitetslista) document (`forum.<id>.actions`),
 * one per forum, spanning its meetings. Shared by the browser (which edits it),
 * the server (projection into `action_items`, escalation, carry-over) and tests.
 *
 *   doc.getArray('actions'): Y.Array<Y.Map>, newest last; each map holds
 *     id               string (uuid), stable
 *     title            Y.Text (two people can edit one title at once)
 *     description      Y.Text
 *     ownerId          string | null   a person of either side
 *     dueDate          string | null   YYYY-MM-DD, a Stockholm calendar date
 *     status           'open' | 'in_progress' | 'done' | 'cancelled'
 *     raisedMeetingId  string | null   the meeting it was raised in
 *     closedMeetingId  string | null   the meeting it was closed (done/cancelled) in
 *     escalatedFromId  string | null   the action of a lower forum this one escalates
 *     escalatedToId    string | null   the action of a higher forum it was escalated to
 *     createdAt        string          ISO time
 *     createdBy        string | null   person id
 */
import * as Y from 'yjs';

export const ACTIONS = 'actions';
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionItem {
	id: string;
	title: string;
	description: string;
	ownerId: string | null;
	dueDate: string | null;
	status: ActionStatus;
	raisedMeetingId: string | null;
	closedMeetingId: string | null;
	escalatedFromId: string | null;
	escalatedToId: string | null;
	createdAt: string;
	createdBy: string | null;
}

export const actionItems = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(ACTIONS);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isStatus = (v: unknown): v is ActionStatus => (ACTION_STATUSES as readonly unknown[]).includes(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** A new action as a Y.Map, ready to be pushed onto `actionItems(doc)`. */
export function actionItemMap(item: ActionItem): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	map.set('id', item.id);
	map.set('title', new Y.Text(item.title));
	map.set('description', new Y.Text(item.description));
	map.set('ownerId', item.ownerId);
	map.set('dueDate', item.dueDate);
	map.set('status', item.status);
	map.set('raisedMeetingId', item.raisedMeetingId);
	map.set('closedMeetingId', item.closedMeetingId);
	map.set('escalatedFromId', item.escalatedFromId);
	map.set('escalatedToId', item.escalatedToId);
	map.set('createdAt', item.createdAt);
	map.set('createdBy', item.createdBy);
	return map;
}

/**
 * Plain snapshot of the list. Anyone with write access can put anything into
 * the shared maps, so every field is checked: a value of the wrong type reads
 * as empty, never as a crash or as text where an id belongs.
 */
export function readActions(doc: Y.Doc): ActionItem[] {
	const seen = new Set<string>();
	const items: ActionItem[] = [];
	for (const m of actionItems(doc).toArray()) {
		if (!(m instanceof Y.Map)) continue;
		const id = str(m.get('id'));
		// A duplicated id (two offline clients cannot make one, but a crafted update can) keeps the first.
		if (!id || seen.has(id)) continue;
		seen.add(id);
		const due = str(m.get('dueDate'));
		const status = m.get('status');
		items.push({
			id,
			title: m.get('title')?.toString() ?? '',
			description: m.get('description')?.toString() ?? '',
			ownerId: str(m.get('ownerId')),
			dueDate: due && DATE.test(due) ? due : null,
			status: isStatus(status) ? status : 'open',
			raisedMeetingId: str(m.get('raisedMeetingId')),
			closedMeetingId: str(m.get('closedMeetingId')),
			escalatedFromId: str(m.get('escalatedFromId')),
			escalatedToId: str(m.get('escalatedToId')),
			createdAt: str(m.get('createdAt')) ?? '',
			createdBy: str(m.get('createdBy'))
		});
	}
	return items;
}

/** The map of one action, by id. */
export function findActionMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	for (const m of actionItems(doc).toArray()) if (m instanceof Y.Map && m.get('id') === id) return m;
	return null;
}

/**
 * Sets an action's status; done and cancelled record the meeting they were
 * closed in (if any), reopening clears it.
 */
export function setActionStatus(map: Y.Map<unknown>, status: ActionStatus, meetingId: string | null): void {
	map.doc!.transact(() => {
		map.set('status', status);
		if (status === 'done' || status === 'cancelled') map.set('closedMeetingId', meetingId);
		else map.set('closedMeetingId', null);
	});
}
