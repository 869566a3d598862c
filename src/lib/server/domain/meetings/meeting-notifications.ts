/**
 * Who is told what about a meeting, queued in the transaction of the step
 * that causes it (see outbox/queue-notification.ts):
 * - the kallelse when the agenda is published, and an update with what
 *   changed when it is published again: every member of the forum, both sides;
 * - the cancellation, if a kallelse went out: every member of the forum;
 * - the request to approve (justera) when the meeting ends, to the chair and
 *   the adjuster; to a new adjuster when one is named afterwards;
 * - the approved minutes, to every member of the forum;
 * - a reminder to approve, to the chair and the adjuster who have not yet,
 *   once per reminder period (the sweep, reminder-sweep.ts).
 */
import type { Executor } from '$lib/server/db';
import type { Meeting } from '$lib/server/db/schema';
import { effectiveDuties } from '../meeting-core/meeting-duties';
import { findMeeting } from '../meeting-core/meetings.repository';
import { meetingSubject, participantsOf } from '../meeting-core/meeting-subject';
import type { AgendaChangeList, InvitationPayload, MinutesPayload } from '../outbox/notification-payloads';
import { queueNotification } from '../outbox/queue-notification';
import { listApprovalRows } from './minutes.repository';

/**
 * The people who hold the chair: the named person, or else the forum's
 * members of the side that holds it.
 */
async function chairHolders(db: Executor, meeting: Meeting): Promise<string[]> {
	const chair = (await effectiveDuties(db, meeting)).find((d) => d.duty === 'chair');
	if (chair?.personId) return [chair.personId];
	const side = chair?.party ?? 'supplier';
	return (await participantsOf(db, meeting)).filter((p) => (side === 'supplier' ? p.customerId === null : p.customerId === meeting.customer_id)).map((p) => p.personId);
}

/** The kallelse (first publication) or its update (each later one, with what changed). */
export async function queueInvitation(db: Executor, meeting: Meeting, agenda: string[], changes: AgendaChangeList | null): Promise<void> {
	const subject = await meetingSubject(db, meeting);
	const payload: InvitationPayload = {
		...subject,
		location: meeting.location,
		videoUrl: meeting.video_url,
		agenda,
		createdAt: meeting.created_at,
		updatedAt: meeting.updated_at,
		...(changes ? { changes } : {})
	};
	const kind = changes ? 'meeting.updated' : 'meeting.invitation';
	const recipients = (await participantsOf(db, meeting)).map((p) => p.personId);
	await queueNotification(db, { kind, key: `${kind}:${meeting.id}:${meeting.updated_at}`, customerId: meeting.customer_id, payload: { ...payload } }, recipients);
}

/** The cancellation of a meeting whose kallelse went out: every member of the forum, the same calendar entry withdrawn. */
export async function queueCancellation(db: Executor, meeting: Meeting, reason: string | null): Promise<void> {
	const subject = await meetingSubject(db, meeting);
	const payload: InvitationPayload = {
		...subject,
		location: meeting.location,
		videoUrl: meeting.video_url,
		agenda: [],
		createdAt: meeting.created_at,
		updatedAt: meeting.updated_at,
		...(reason ? { reason } : {})
	};
	const recipients = (await participantsOf(db, meeting)).map((p) => p.personId);
	await queueNotification(db, { kind: 'meeting.cancelled', key: `meeting.cancelled:${meeting.id}`, customerId: meeting.customer_id, payload: { ...payload } }, recipients);
}

/** Asks the chair and the adjuster to approve; `only` limits it to one of them (a newly named adjuster). */
export async function queueApprovalRequests(db: Executor, meeting: Meeting, only?: 'adjuster'): Promise<void> {
	const subject = await meetingSubject(db, meeting);
	const asked: [string[], 'chair' | 'adjuster'][] = [];
	if (only !== 'adjuster') asked.push([await chairHolders(db, meeting), 'chair']);
	if (meeting.adjuster_person_id) asked.push([[meeting.adjuster_person_id], 'adjuster']);
	for (const [people, role] of asked) {
		const payload: MinutesPayload = { ...subject, role };
		for (const personId of people) {
			await queueNotification(
				db,
				{ kind: 'minutes.approval_requested', key: `minutes.approval_requested:${meeting.id}:${role}:${personId}`, customerId: meeting.customer_id, payload: { ...payload } },
				[personId]
			);
		}
	}
}

export async function queueMinutesApproved(db: Executor, meeting: Meeting): Promise<void> {
	const subject = await meetingSubject(db, meeting);
	const recipients = (await participantsOf(db, meeting)).map((p) => p.personId);
	await queueNotification(db, { kind: 'minutes.approved', key: `minutes.approved:${meeting.id}`, customerId: meeting.customer_id, payload: { ...subject } }, recipients);
}

/**
 * Reminds the chair and the adjuster who have not approved yet, once in
 * reminder period `period` (reminder-rules.ts): the key names the period, so
 * a sweep run twice, or on two instances at once, reminds once.
 */
export async function queueApprovalReminders(db: Executor, meetingId: string, period: number, now = new Date()): Promise<void> {
	const meeting = await findMeeting(db, meetingId);
	if (!meeting) return;
	const subject = await meetingSubject(db, meeting);
	const approved = new Set((await listApprovalRows(db, meetingId)).map((a) => a.role));
	const asked: [string[], 'chair' | 'adjuster'][] = [];
	if (!approved.has('chair')) asked.push([await chairHolders(db, meeting), 'chair']);
	if (!approved.has('adjuster') && meeting.adjuster_person_id) asked.push([[meeting.adjuster_person_id], 'adjuster']);
	for (const [people, role] of asked) {
		const payload: MinutesPayload = { ...subject, role };
		await queueNotification(db, { kind: 'minutes.approval_reminder', key: `minutes.approval_reminder:${meetingId}:${role}:${period}`, customerId: meeting.customer_id, payload: { ...payload } }, people, now);
	}
}
