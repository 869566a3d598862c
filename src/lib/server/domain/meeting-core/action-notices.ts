/**
 * Notifications about action items (issue 16), queued in the transaction of
 * the step that causes them:
 * - 'action.assigned': the projection of a forum's activity list saw an
 *   action get an owner, or a new one (collab/projection.ts);
 * - 'action.escalated': an escalated copy reached the higher forum's list
 *   (to its members and the owner, collab/projection.ts);
 * - 'action.carried_over': the meeting ended with the action still open
 *   (meetings/lifecycle.service.ts endMeeting);
 * - 'action.due_soon', 'action.overdue': the daily sweep
 *   (notifications/reminder-sweep.ts).
 */
import type { Executor } from '$lib/server/db';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';
import type { NotificationKind } from '../outbox/notification-kinds';
import type { ActionPayload, BilingualName } from '../outbox/notification-payloads';
import { queueNotification } from '../outbox/queue-notification';
import { listMemberRows } from '../governance/forums.repository';
import { findActionCustomer, findActionSubjects, listCarriedActions, type ActionSubjectRow } from './action-notices.repository';

export type ActionKind = Extract<NotificationKind, `action.${string}`>;

export const actionPayload = (a: ActionSubjectRow, toForumName?: BilingualName): ActionPayload => ({
	actionId: a.id,
	title: a.title,
	forumId: a.forum_id,
	forumName: { sv: a.name_sv, en: a.name_en },
	customerName: a.customer_name,
	dueDate: a.due_date,
	...(toForumName ? { toForumName } : {})
});

/** Queues one notice about an action; `key` names this occurrence (the same key twice queues once). */
export async function queueActionNotice(db: Executor, kind: ActionKind, key: string, action: ActionSubjectRow, personIds: readonly string[], toForumName?: BilingualName, now = new Date()): Promise<void> {
	await queueNotification(db, { kind, key: `${kind}:${key}`, customerId: action.customer_id, payload: { ...actionPayload(action, toForumName) } }, personIds, now);
}

interface ActionState {
	id: string;
	owner_person_id: string | null;
	status: ActionStatus;
	escalated_from_id: string | null;
}

interface NewAction extends ActionState {
	/** who put it on the list (the document's createdBy), if known */
	createdBy: string | null;
	/** when it was put on the list (the document's createdAt) */
	createdAt: string;
}

/** An item first projected this long after it was written is history (the demo's past year, a restored list), not news. */
export const ASSIGNMENT_FRESH_MS = 24 * 3600_000;

/**
 * Which actions' owners are told "assigned to you" after a projection: an
 * unfinished action whose owner changed, or a new one with an owner who did
 * not write it themselves. An escalated copy is announced as escalated
 * instead. The projection does not know who changed an existing owner, so
 * the new owner is told even if they chose themselves.
 */
export function newlyAssigned(before: ReadonlyMap<string, Pick<ActionState, 'owner_person_id'>>, after: readonly NewAction[], now: Date): { actionId: string; ownerId: string }[] {
	const out: { actionId: string; ownerId: string }[] = [];
	for (const a of after) {
		if (!a.owner_person_id || (a.status !== 'open' && a.status !== 'in_progress')) continue;
		const old = before.get(a.id);
		if (old) {
			if (old.owner_person_id !== a.owner_person_id) out.push({ actionId: a.id, ownerId: a.owner_person_id });
			continue;
		}
		if (a.escalated_from_id || a.createdBy === a.owner_person_id) continue;
		const written = Date.parse(a.createdAt);
		if (Number.isFinite(written) && now.getTime() - written > ASSIGNMENT_FRESH_MS) continue;
		out.push({ actionId: a.id, ownerId: a.owner_person_id });
	}
	return out;
}

/**
 * After a forum's activity list was projected (in its transaction): the new
 * owners are told, and an escalated copy that arrived is announced to the
 * forum's members and its owner. A copy counts as escalated only if the
 * action it names exists and is the same customer's, so an id typed into a
 * document reaches nobody new.
 */
export async function queueProjectedActionNotices(
	db: Executor,
	forumId: string,
	before: ReadonlyMap<string, Pick<ActionState, 'owner_person_id'>>,
	after: readonly NewAction[],
	now: Date
): Promise<void> {
	const assigned = newlyAssigned(before, after, now);
	const escalated = after.filter((a) => !before.has(a.id) && a.escalated_from_id && (a.status === 'open' || a.status === 'in_progress'));
	if (assigned.length === 0 && escalated.length === 0) return;
	const subjects = new Map((await findActionSubjects(db, [...new Set([...assigned.map((a) => a.actionId), ...escalated.map((a) => a.id)])])).map((s) => [s.id, s]));
	const at = now.toISOString();
	for (const { actionId, ownerId } of assigned) {
		const s = subjects.get(actionId);
		// the same owner given twice (A → B → A) is told each time: the key carries the projection's time
		if (s) await queueActionNotice(db, 'action.assigned', `${actionId}:${ownerId}:${at}`, s, [ownerId]);
	}
	if (escalated.length === 0) return;
	const members = (await listMemberRows(db, [forumId])).map((m) => m.person_id);
	for (const a of escalated) {
		const s = subjects.get(a.id);
		if (!s || (await findActionCustomer(db, a.escalated_from_id!)) !== s.customer_id) continue;
		const to = [...members, ...(s.owner_person_id ? [s.owner_person_id] : [])];
		await queueActionNotice(db, 'action.escalated', a.id, s, to, { sv: s.name_sv, en: s.name_en });
	}
}

/**
 * The meeting ended: every unfinished action of its forum that was on the
 * list before the meeting began goes on to the next meeting, and its owner
 * is told (once per action and meeting).
 */
export async function queueCarriedOver(db: Executor, meeting: { id: string; forum_id: string; starts_at: string; started_at: string | null }): Promise<void> {
	for (const a of await listCarriedActions(db, meeting.forum_id, meeting.started_at ?? meeting.starts_at)) {
		await queueActionNotice(db, 'action.carried_over', `${a.id}:${meeting.id}`, a, [a.owner_person_id!]);
	}
}
