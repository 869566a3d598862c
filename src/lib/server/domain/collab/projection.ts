/**
 * Keeps relational tables in step with the shared documents, so that questions
 * across meetings and forums are SQL: `agenda_items` from an agenda,
 * `decisions` and `minutes_text` from the minutes, `action_items` from a
 * forum's activity list. The documents stay the source of truth; a projection
 * replaces what it derived from one document in one transaction, so running
 * it again (or late) always converges.
 *
 * Anyone with write access can put any value into a document, so references
 * are checked here: an owner who is not a person of this customer or of the
 * supplier, or a meeting of another forum, is projected as "none".
 */
import * as Y from 'yjs';
import type { Executor } from '$lib/server/db';
import { ACTIONS, readActions, type ActionItem } from '$lib/realtime/actions-doc';
import { AGENDA_ITEMS, readAgenda } from '$lib/realtime/agenda-doc';
import type { DocKind } from '$lib/realtime/doc-names';
import { AGENDA_KINDS } from '$lib/governance/agenda-kinds';
import { nowIso } from '../ids';
import { findMeeting, meetingIdsOfForum } from '../meeting-core/meetings.repository';
import { listPersonIdsOfCustomerOrSupplier } from '../tenancy/tenancy.repository';
import { queueProjectedActionNotices } from '../meeting-core/action-notices';
import type { DocumentTarget } from './collab.policy';
import {
	actionIdsOfOtherForums,
	decisionIdsOutsideMeeting,
	deleteActionItemsOfForum,
	deleteAgendaItems,
	deleteDecisionsOfMeeting,
	insertActionItems,
	insertAgendaItems,
	insertDecisions,
	listActionRowsOfForum,
	upsertMinutesText
} from './collab.repository';
import type { MinutesDigest } from './minutes-reader';
import { readMinutesInProcess, type MinutesReader } from './minutes-reader-thread';
import { reindexActions, reindexAgenda, reindexInternalNotes, reindexMinutes } from '../search/search.repository';

/**
 * The top-level shared types each kind's projection reads: a change to any
 * other part of the document (presence-free client state, future fields)
 * leaves the projected tables as they are, so the document is not projected
 * again for it. The minutes and internal notes are the Lexical editor's
 * root (`@lexical/yjs` binds the document's 'root' XmlText).
 */
const PROJECTED_ROOTS: Record<DocKind, readonly string[]> = {
	agenda: [AGENDA_ITEMS],
	minutes: ['root'],
	internal: ['root'],
	actions: [ACTIONS],
	handbook: []
};

export function projectedRoots(kind: DocKind): readonly string[] {
	return PROJECTED_ROOTS[kind];
}

/** What a projection writes, read from the document before its transaction opens. */
export type ProjectionInput =
	| { kind: 'agenda'; items: ReturnType<typeof readAgenda> }
	| { kind: 'minutes' | 'internal'; minutes: MinutesDigest }
	| { kind: 'actions'; items: ActionItem[] }
	| { kind: 'none' };

/**
 * Reads what the projection of `doc` needs. Everything is taken from the
 * document in the calling turn, before the first await, so it is the document
 * as a projection mark taken just before describes it; only the minutes'
 * reading (headless Lexical) then runs in `minutes`, a thread of its own in
 * the server (minutes-reader-thread.ts). Nothing here holds the database.
 */
export async function readForProjection(target: DocumentTarget, doc: Y.Doc, minutes: MinutesReader): Promise<ProjectionInput> {
	switch (target.parsed.kind) {
		case 'agenda':
			return { kind: 'agenda', items: readAgenda(doc) };
		case 'actions':
			return { kind: 'actions', items: readActions(doc) };
		case 'minutes':
		case 'internal': {
			const kind = target.parsed.kind;
			return { kind, minutes: await minutes.read(Y.encodeStateAsUpdate(doc)) };
		}
		default:
			// documents without a projection (the handbook)
			return { kind: 'none' };
	}
}

/** Replaces the document's rows with what `input` holds (in the caller's transaction). */
export async function writeProjection(db: Executor, target: DocumentTarget, input: ProjectionInput): Promise<void> {
	switch (input.kind) {
		case 'agenda':
			return projectAgenda(db, target.meetingId!, input.items);
		case 'minutes':
			return projectMinutes(db, target, input.minutes);
		case 'actions':
			return projectActions(db, target, input.items);
		case 'internal':
			// supplier-internal notes have no table: only the search index keeps their text
			return reindexInternalNotes(db, target.meetingId!, input.minutes.text);
		case 'none':
			return;
	}
}

/** Reads and writes in one go, the minutes read in the calling thread (tests, scripts). */
export async function projectDocument(db: Executor, target: DocumentTarget, doc: Y.Doc): Promise<void> {
	return writeProjection(db, target, await readForProjection(target, doc, readMinutesInProcess));
}

async function projectAgenda(db: Executor, meetingId: string, items: ReturnType<typeof readAgenda>): Promise<void> {
	const people = await peopleOfMeeting(db, meetingId);
	const seen = new Set<string>();
	const rows = items
		.filter((i) => i.id && !seen.has(i.id) && seen.add(i.id))
		.map((i, position) => ({
			meeting_id: meetingId,
			item_id: i.id,
			position,
			kind: (AGENDA_KINDS as readonly string[]).includes(i.kind) ? i.kind : 'other',
			title: i.title.slice(0, 500),
			planned_minutes: Number.isFinite(i.plannedMinutes) ? Math.max(0, Math.min(600, Math.round(i.plannedMinutes))) : 0,
			presenter_id: i.presenter && people.has(i.presenter) ? i.presenter : null,
			notes: i.notes.slice(0, 20_000),
			carried_from_meeting_id: i.carriedFromMeetingId,
			done: i.done ? 1 : 0
		}));
	await deleteAgendaItems(db, meetingId);
	if (rows.length > 0) await insertAgendaItems(db, rows);
	await reindexAgenda(db, meetingId);
}

async function projectMinutes(db: Executor, target: DocumentTarget, minutes: MinutesDigest): Promise<void> {
	const meetingId = target.meetingId!;
	const decisions = minutes.decisions;
	const now = nowIso();
	await upsertMinutesText(db, meetingId, minutes.text, now);
	// A decision id belongs to the meeting it was first written in: the same id
	// pasted into another meeting's minutes becomes a decision of its own there.
	const elsewhere = new Set(
		decisions.length === 0
			? []
			: await decisionIdsOutsideMeeting(
					db,
					decisions.map((d) => d.id),
					meetingId
				)
	);
	const rows = decisions.map((d, position) => ({
		id: elsewhere.has(d.id) ? `${d.id}@${meetingId}` : d.id,
		meeting_id: meetingId,
		forum_id: target.forumId,
		customer_id: target.customerId,
		position,
		text: d.text.slice(0, 20_000),
		updated_at: now
	}));
	await deleteDecisionsOfMeeting(db, meetingId);
	if (rows.length > 0) await insertDecisions(db, rows);
	await reindexMinutes(db, meetingId);
}

async function projectActions(db: Executor, target: DocumentTarget, items: ActionItem[]): Promise<void> {
	const [people, meetings, existing] = await Promise.all([
		peopleOfCustomer(db, target.customerId),
		meetingIdsOfForum(db, target.forumId),
		listActionRowsOfForum(db, target.forumId)
	]);
	const meetingIds = new Set(meetings);
	const before = new Map(existing.map((r) => [r.id, r]));
	const nowDate = new Date();
	const now = nowDate.toISOString();
	const meetingOrNull = (id: string | null) => (id && meetingIds.has(id) ? id : null);
	const ids = items.map((i) => i.id);
	// An id already used by another forum's action cannot be taken over.
	const taken = new Set(
		ids.length === 0
			? []
			: await actionIdsOfOtherForums(db, ids, target.forumId)
	);
	const rows = items
		.filter((i) => !taken.has(i.id))
		.map((i, position) => {
			const row = {
				id: i.id,
				forum_id: target.forumId,
				customer_id: target.customerId,
				position,
				title: i.title.slice(0, 500),
				description: i.description.slice(0, 20_000),
				owner_person_id: i.ownerId && people.has(i.ownerId) ? i.ownerId : null,
				due_date: i.dueDate,
				status: i.status,
				raised_meeting_id: meetingOrNull(i.raisedMeetingId),
				closed_meeting_id: meetingOrNull(i.closedMeetingId),
				escalated_from_id: i.escalatedFromId,
				escalated_to_id: i.escalatedToId,
				created_at: before.get(i.id)?.created_at ?? (i.createdAt || now),
				updated_at: now
			};
			const old = before.get(i.id);
			// unchanged rows keep their updated_at, so it means "last changed"
			if (old && sameAction(old, row)) row.updated_at = old.updated_at;
			return row;
		});
	await deleteActionItemsOfForum(db, target.forumId);
	for (let i = 0; i < rows.length; i += 200) await insertActionItems(db, rows.slice(i, i + 200));
	await reindexActions(db, target.forumId);
	// new owners and escalated arrivals are told, in this transaction (meeting-core/action-notices.ts)
	const written = new Map(items.map((i) => [i.id, i]));
	await queueProjectedActionNotices(
		db,
		target.forumId,
		before,
		rows.map((r) => ({ ...r, createdBy: written.get(r.id)?.createdBy ?? null, createdAt: written.get(r.id)?.createdAt ?? now })),
		nowDate
	);
}

type ActionRowLike = Record<'title' | 'description' | 'owner_person_id' | 'due_date' | 'status' | 'raised_meeting_id' | 'closed_meeting_id' | 'escalated_from_id' | 'escalated_to_id', string | null> & { position: number };
const ACTION_FIELDS = ['title', 'description', 'owner_person_id', 'due_date', 'status', 'raised_meeting_id', 'closed_meeting_id', 'escalated_from_id', 'escalated_to_id', 'position'] as const;
const sameAction = (a: ActionRowLike, b: ActionRowLike) => ACTION_FIELDS.every((f) => a[f] === b[f]);

/** People who may be named in a customer's documents: the customer's own and the supplier's. */
async function peopleOfCustomer(db: Executor, customerId: string): Promise<Set<string>> {
	const rows = await listPersonIdsOfCustomerOrSupplier(db, customerId);
	return new Set(rows.map((r) => r.id));
}

async function peopleOfMeeting(db: Executor, meetingId: string): Promise<Set<string>> {
	const m = await findMeeting(db, meetingId);
	return m ? peopleOfCustomer(db, m.customer_id) : new Set();
}
