/**
 * Escalating an action item up the governance ladder: operational →
 * tactical → strategic forum of the same customer. The action is copied into
 * the higher forum's activity list with its history and a link back, the
 * original is marked as escalated, and the higher forum's next meeting gets
 * it on its agenda (now, if that agenda already exists; else when it is made).
 */
import type { Db, Executor } from '$lib/server/db';
import type { ForumLevel } from '$lib/server/db/schema';
import { actionItemMap, actionItems, findActionMap, readActions } from '$lib/realtime/actions-doc';
import { agendaItemMap, agendaItems } from '$lib/realtime/agenda-doc';
import { forumActionsDoc, meetingAgendaDoc, parseDocName } from '$lib/realtime/doc-names';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { resolveDocument } from '../collab/collab.policy';
import { snapshotExists } from '../collab/collab.repository';
import type { DocumentStore } from '../collab/document-store';
import { conflict, invalid, notFound } from '../errors';
import { findFirstForumAtLevel } from '../governance/forums.repository';
import { loadForum } from '../governance/forums.service';
import { newId, nowIso } from '../ids';
import { findNextMeetingOfForum } from '../meeting-core/meetings.repository';
import type { EscalationEnd } from '../meeting-core/minutes-model';
import { authorize, can } from '../policy';
import { listEscalationEndRows } from './actions.repository';

export interface EscalationLinks {
	/** the lower forum's action this one escalates */
	escalatedFrom: EscalationEnd | null;
	/** the higher forum's action this one was escalated to */
	escalatedTo: EscalationEnd | null;
}

interface LinkedAction {
	id: string;
	customerId: string;
	escalatedFromId: string | null;
	escalatedToId: string | null;
}

/**
 * Both ends of the escalations among these actions. An end is linked only if
 * it is an action of the same customer that points back (the source's
 * escalatedToId is the copy, the copy's escalatedFromId the source): an id
 * typed into a document cannot make a link on its own, nor reach another
 * customer. The meeting of an end is the one its action was raised in; an
 * escalated copy is raised in the meeting of the higher forum that takes it up.
 */
// no actor: internal read for the action lists and the minutes model, which have authorized the forum or meeting
export async function escalationLinks(db: Executor, actions: LinkedAction[]): Promise<Map<string, EscalationLinks>> {
	const ids = [...new Set(actions.flatMap((a) => [a.escalatedFromId, a.escalatedToId]).filter((id): id is string => id !== null))];
	const links = new Map<string, EscalationLinks>();
	if (ids.length === 0) return links;
	const rows = await listEscalationEndRows(db, ids);
	const byId = new Map(rows.map((r) => [r.id, r]));
	const end = (r: (typeof rows)[number]): EscalationEnd => ({
		forumId: r.forum_id,
		forumName: { sv: r.name_sv, en: r.name_en },
		meetingId: r.meeting_title === null ? null : r.raised_meeting_id,
		meetingTitle: r.meeting_title,
		meetingStartsAt: r.meeting_starts_at,
		actionId: r.id,
		actionTitle: r.title
	});
	for (const a of actions) {
		const from = a.escalatedFromId ? byId.get(a.escalatedFromId) : undefined;
		const to = a.escalatedToId ? byId.get(a.escalatedToId) : undefined;
		const link: EscalationLinks = {
			escalatedFrom: from && from.customer_id === a.customerId && from.escalated_to_id === a.id ? end(from) : null,
			escalatedTo: to && to.customer_id === a.customerId && to.escalated_from_id === a.id ? end(to) : null
		};
		if (link.escalatedFrom || link.escalatedTo) links.set(a.id, link);
	}
	return links;
}

const NEXT_LEVEL: Partial<Record<ForumLevel, ForumLevel>> = { operational: 'tactical', tactical: 'strategic' };

/** The forum an action of this forum escalates to, if any. */
async function higherForum(db: Db, forum: { customer_id: string; level: ForumLevel }): Promise<{ id: string; name_sv: string; name_en: string } | null> {
	const level = NEXT_LEVEL[forum.level];
	if (!level) return null;
	const row = await findFirstForumAtLevel(db, forum.customer_id, level);
	return row ?? null;
}

/** Where the actor may escalate this forum's actions to: the next forum up, or null (none, or not theirs to escalate). */
export async function escalationTarget(db: Db, actor: Actor, forum: { customer_id: string; level: ForumLevel }): Promise<{ id: string; name_sv: string; name_en: string } | null> {
	return can(actor, 'action.escalate', { customerId: forum.customer_id }) ? higherForum(db, forum) : null;
}

export async function escalateAction(db: Db, docs: DocumentStore, actor: Actor, forumId: string, actionId: string): Promise<{ forumId: string; actionId: string }> {
	const forum = await loadForum(db, actor, forumId, 'forum.read');
	authorize(actor, 'action.escalate', { customerId: forum.customer_id, kind: 'Forum' });
	const to = await higherForum(db, forum);
	if (!to) throw invalid('There is no higher forum to escalate to', { forumId: 'forum.highest_level' });

	const source = await resolveDocument(db, parseDocName(forumActionsDoc(forumId))!);
	const action = await docs.read(source, (doc) => readActions(doc).find((a) => a.id === actionId) ?? null);
	if (!action) throw notFound('Action');
	if (action.escalatedToId) throw conflict('The action has already been escalated');
	if (action.status === 'done' || action.status === 'cancelled') throw conflict('A finished action cannot be escalated');

	const now = nowIso();
	const date = now.slice(0, 10);
	const history = [action.description, `Eskalerad ${date} från ${forum.name_sv} av ${actor.name}.`].filter(Boolean).join('\n\n');
	const newActionId = newId();
	// the higher forum's next meeting takes it up: the copy is raised there
	const next = await findNextMeetingOfForum(db, to.id, now);
	const destination = await resolveDocument(db, parseDocName(forumActionsDoc(to.id))!);
	await docs.change(destination, (doc) => {
		actionItems(doc).push([
			actionItemMap({
				id: newActionId,
				title: action.title,
				description: history,
				ownerId: action.ownerId,
				dueDate: action.dueDate,
				status: 'open',
				raisedMeetingId: next?.id ?? null,
				closedMeetingId: null,
				escalatedFromId: action.id,
				escalatedToId: null,
				createdAt: now,
				createdBy: actor.personId
			})
		]);
	});
	await docs.change(source, (doc) => findActionMap(doc, action.id)?.set('escalatedToId', newActionId));

	// On the agenda of the higher forum's next meeting, if that agenda exists already.
	if (next) {
		const agendaName = meetingAgendaDoc(next.id);
		if (await snapshotExists(db, agendaName)) {
			const agenda = await resolveDocument(db, parseDocName(agendaName)!);
			await docs.change(agenda, (doc) => {
				const items = agendaItems(doc);
				const item = agendaItemMap({ id: newId(), kind: 'escalations', title: `Eskalerat: ${action.title}`, plannedMinutes: 10, presenter: null, notes: history });
				const last = items.length > 0 ? items.get(items.length - 1) : null;
				items.insert(last?.get('kind') === 'other' ? items.length - 1 : items.length, [item]);
			});
		}
	}
	// both lists projected now, so that the API and a reloaded page show both ends linked at once
	await Promise.all([docs.flushProjection(source), docs.flushProjection(destination)]);
	await recordAudit(db, actor, {
		action: 'action.escalate',
		entity: 'forum',
		entityId: forumId,
		customerId: forum.customer_id,
		after: { action: action.title, to: to.name_sv }
	});
	return { forumId: to.id, actionId: newActionId };
}
