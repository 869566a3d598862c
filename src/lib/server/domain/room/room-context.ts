/**
 * Who the actor is in one meeting: the meeting (404 outside the actor's
 * tenancy, exactly like an unknown id), the duties they hold now, and whether
 * they sit in the meeting's forum. Read fresh for every room event, so a duty
 * handed over on another page applies at once.
 */
import type { Executor } from '$lib/server/db';
import type { Duty } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { actorDuties, findMeetingRef, isForumMember, type MeetingRef } from '../meetings/meeting-duties';
import { authorize, type Action, type Resource } from '../policy';

export interface RoomContext {
	meeting: MeetingRef;
	duties: Duty[];
	forumMember: boolean;
}

export async function roomContext(db: Executor, actor: Actor, meetingId: string): Promise<RoomContext> {
	const meeting = await findMeetingRef(db, meetingId);
	authorize(actor, 'meeting.read', { customerId: meeting.customer_id, kind: 'Meeting' });
	const [duties, forumMember] = await Promise.all([actorDuties(db, actor, meeting), isForumMember(db, meeting.forum_id, actor.personId)]);
	return { meeting, duties, forumMember };
}

/** The policy resource of a room action for this context. */
export function roomResource(ctx: RoomContext): Resource {
	return {
		customerId: ctx.meeting.customer_id,
		kind: 'Meeting',
		duties: ctx.duties,
		// CAB approvers: the forum's members of either side and whoever holds a duty in the meeting
		voter: ctx.forumMember || ctx.duties.length > 0
	};
}

export function authorizeIn(actor: Actor, action: Action, ctx: RoomContext): void {
	authorize(actor, action, roomResource(ctx));
}
