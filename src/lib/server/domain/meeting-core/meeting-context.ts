/**
 * Who this person is in this meeting: the one answer the lifecycle, the live
 * room, the attendance list and the exports all take (issue 20.1). Reads the
 * meeting row once (404 outside the actor's tenancy, exactly like an unknown
 * id), the duties of the meeting and who holds them now, and whether the
 * person sits in the meeting's forum. Read fresh for every request and room
 * event, so a duty handed over on another page applies at once.
 */
import type { Executor } from '$lib/server/db';
import type { Duty, MeetingStatus, Party } from '$lib/domain-types';
import type { Meeting } from '$lib/server/db/schema';
import { partyOf, type Actor } from '../actor';
import { notFound } from '../errors';
import { authorize, holdsDuty, type Resource } from '../policy';
import { effectiveDuties, isForumMember, type EffectiveDuty } from './meeting-duties';
import { findMeeting } from './meetings.repository';

/** Meeting states in which the agenda and the minutes can no longer change (justerat, or inställt). */
export const LOCKED_STATES: readonly MeetingStatus[] = ['minutes_approved', 'confirmed', 'cancelled'];

export interface MeetingContext {
	/** the meeting row, as read for this request */
	meeting: Meeting;
	/** every duty of the meeting and who holds it now */
	holders: EffectiveDuty[];
	/** the duties this person holds in the meeting */
	duties: Duty[];
	/** a member of the meeting's forum */
	forumMember: boolean;
	/** the meeting's named adjuster (justerare) */
	adjuster: boolean;
	/** a CAB approver: a forum member of either side, or whoever holds a duty in the meeting */
	voter: boolean;
	side: Party;
	/** the agenda and the minutes are read-only for everyone (approved minutes) */
	locked: boolean;
	/** what policy.ts decides meeting actions on */
	resource: Resource;
}

/** The meeting (404 when unknown); no access check. */
export async function requireMeeting(db: Executor, meetingId: string): Promise<Meeting> {
	const meeting = await findMeeting(db, meetingId);
	if (!meeting) throw notFound('Meeting');
	return meeting;
}

/**
 * The person's context in a meeting. Pass the row when it was just read (or
 * written) in this request, so that it is not read again.
 */
export async function meetingContext(db: Executor, actor: Actor, meeting: string | Meeting): Promise<MeetingContext> {
	const row = typeof meeting === 'string' ? await requireMeeting(db, meeting) : meeting;
	authorize(actor, 'meeting.read', { customerId: row.customer_id, kind: 'Meeting' });
	const [holders, forumMember] = await Promise.all([effectiveDuties(db, row), isForumMember(db, row.forum_id, actor.personId)]);
	const duties = holders.filter((d) => holdsDuty(actor, d, { customerId: row.customer_id }, forumMember)).map((d) => d.duty);
	const adjuster = row.adjuster_person_id !== null && row.adjuster_person_id === actor.personId;
	const voter = forumMember || duties.length > 0;
	return {
		meeting: row,
		holders,
		duties,
		forumMember,
		adjuster,
		voter,
		side: partyOf(actor),
		locked: LOCKED_STATES.includes(row.status),
		resource: { customerId: row.customer_id, kind: 'Meeting', duties, adjuster, voter, forumMember }
	};
}
