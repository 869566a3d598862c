/**
 * 'duty.changed' (issue 16): a duty handed to a person or taken from one,
 * for one meeting or for the forum, tells the person who got it ("given")
 * and the one who lost it ("taken"), naming who did it; never the one who
 * did it themselves. Queued in the transaction of the change.
 *
 * The notice is about a meeting: a forum-wide change names the meeting it
 * was made from, or else the forum's next meeting not yet held; a forum with
 * none ahead has nothing to tell about yet.
 */
import type { Db, Executor } from '$lib/server/db';
import type { Duty } from '$lib/domain-types';
import type { Actor } from '../actor';
import { assignDuty, type DutyChangeHook, type DutyView } from '../governance/forums.service';
import { nowIso } from '../ids';
import type { DutyPayload } from '../outbox/notification-payloads';
import { queueNotification } from '../outbox/queue-notification';
import { findMeetingWithNames, findNextMeetingOfForum } from './meetings.repository';

/** Who is told what about a change of holder: pure, for the rule's test. */
export function dutyRecipients(fromPersonId: string | null, toPersonId: string | null, actorPersonId: string): { personId: string; change: 'given' | 'taken' }[] {
	if (fromPersonId === toPersonId) return [];
	const out: { personId: string; change: 'given' | 'taken' }[] = [];
	if (toPersonId && toPersonId !== actorPersonId) out.push({ personId: toPersonId, change: 'given' });
	if (fromPersonId && fromPersonId !== actorPersonId) out.push({ personId: fromPersonId, change: 'taken' });
	return out;
}

export async function queueDutyChanged(db: Executor, actor: Actor, meetingId: string, duty: Duty, fromPersonId: string | null, toPersonId: string | null): Promise<void> {
	const told = dutyRecipients(fromPersonId, toPersonId, actor.personId);
	if (told.length === 0) return;
	const m = await findMeetingWithNames(db, meetingId);
	if (!m) return;
	const at = nowIso();
	for (const { personId, change } of told) {
		const payload: DutyPayload = {
			meetingId: m.id,
			title: m.title,
			forumName: { sv: m.forum_name_sv, en: m.forum_name_en },
			customerName: m.customer_name,
			startsAt: m.starts_at,
			endsAt: m.ends_at,
			duty,
			change,
			byName: actor.name
		};
		await queueNotification(db, { kind: 'duty.changed', key: `duty.changed:${meetingId}:${duty}:${change}:${at}`, customerId: m.customer_id, payload: { ...payload } }, [personId]);
	}
}

/** The hook for a forum-wide change: about `meetingId`, or the forum's next meeting not yet held. */
export const forumDutyNotices =
	(actor: Actor, forumId: string, meetingId?: string): DutyChangeHook =>
	async (tx, c) => {
		const about = meetingId ?? (await findNextMeetingOfForum(tx, forumId, nowIso()))?.id;
		if (about) await queueDutyChanged(tx, actor, about, c.duty, c.fromPersonId, c.toPersonId);
	};

/** A forum's duty handed over from the forum page or the API, with its notices. */
export const assignForumDuty = (db: Db, actor: Actor, forumId: string, input: unknown): Promise<DutyView> => assignDuty(db, actor, forumId, input, forumDutyNotices(actor, forumId));
