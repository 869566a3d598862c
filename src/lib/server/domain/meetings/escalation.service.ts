/**
 * Escalating an action item up the governance ladder: operational →
 * tactical → strategic forum of the same customer. The action is copied into
 * the higher forum's activity list with its history and a link back, the
 * original is marked as escalated, and the higher forum's next meeting gets
 * it on its agenda (now, if that agenda already exists; else when it is made).
 */
import type { Db } from '$lib/server/db';
import type { ForumLevel } from '$lib/server/db/schema';
import { actionItemMap, actionItems, findActionMap, readActions } from '$lib/realtime/actions-doc';
import { agendaItemMap, agendaItems } from '$lib/realtime/agenda-doc';
import { forumActionsDoc, meetingAgendaDoc, parseDocName } from '$lib/realtime/doc-names';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { resolveDocument } from '../collab/collab.policy';
import type { DocumentStore } from '../collab/document-store';
import { conflict, invalid, notFound } from '../errors';
import { loadForum } from '../governance/forums.service';
import { newId, nowIso } from '../ids';
import { authorize } from '../policy';

const NEXT_LEVEL: Partial<Record<ForumLevel, ForumLevel>> = { operational: 'tactical', tactical: 'strategic' };

/** The forum an action of this forum escalates to, if any. */
export async function escalationTarget(db: Db, forum: { customer_id: string; level: ForumLevel }): Promise<{ id: string; name_sv: string; name_en: string } | null> {
	const level = NEXT_LEVEL[forum.level];
	if (!level) return null;
	const row = await db
		.selectFrom('forums')
		.select(['id', 'name_sv', 'name_en'])
		.where('customer_id', '=', forum.customer_id)
		.where('level', '=', level)
		.orderBy('created_at')
		.limit(1)
		.executeTakeFirst();
	return row ?? null;
}

export async function escalateAction(db: Db, docs: DocumentStore, actor: Actor, forumId: string, actionId: string): Promise<{ forumId: string; actionId: string }> {
	const forum = await loadForum(db, actor, forumId, 'forum.read');
	authorize(actor, 'action.escalate', { customerId: forum.customer_id, kind: 'Forum' });
	const to = await escalationTarget(db, forum);
	if (!to) throw invalid('There is no higher forum to escalate to', { forumId: 'Highest level' });

	const source = await resolveDocument(db, parseDocName(forumActionsDoc(forumId))!);
	const action = await docs.read(source, (doc) => readActions(doc).find((a) => a.id === actionId) ?? null);
	if (!action) throw notFound('Action');
	if (action.escalatedToId) throw conflict('The action has already been escalated');
	if (action.status === 'done' || action.status === 'cancelled') throw conflict('A finished action cannot be escalated');

	const now = nowIso();
	const date = now.slice(0, 10);
	const history = [action.description, `Eskalerad ${date} från ${forum.name_sv} av ${actor.name}.`].filter(Boolean).join('\n\n');
	const newActionId = newId();
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
				raisedMeetingId: null,
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
	const next = await db
		.selectFrom('meetings')
		.select('id')
		.where('forum_id', '=', to.id)
		.where('starts_at', '>=', now)
		.where('status', 'in', ['planned', 'agenda_published'])
		.orderBy('starts_at')
		.limit(1)
		.executeTakeFirst();
	if (next) {
		const agendaName = meetingAgendaDoc(next.id);
		const exists = await db.selectFrom('collab_snapshots').select('doc_name').where('doc_name', '=', agendaName).executeTakeFirst();
		if (exists) {
			const agenda = await resolveDocument(db, parseDocName(agendaName)!);
			await docs.change(agenda, (doc) => {
				const items = agendaItems(doc);
				const item = agendaItemMap({ id: newId(), kind: 'escalations', title: `Eskalerat: ${action.title}`, plannedMinutes: 10, presenter: null, notes: history });
				const last = items.length > 0 ? items.get(items.length - 1) : null;
				items.insert(last?.get('kind') === 'other' ? items.length - 1 : items.length, [item]);
			});
		}
	}
	await recordAudit(db, actor, {
		action: 'action.escalate',
		entity: 'forum',
		entityId: forumId,
		customerId: forum.customer_id,
		after: { action: action.title, to: to.name_sv }
	});
	return { forumId: to.id, actionId: newActionId };
}
