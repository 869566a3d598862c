/**
 * Who the actor is in one meeting: the meeting (404 outside the actor's
 * tenancy, exactly like an unknown id), the duties they hold now, and whether
 * they sit in the meeting's forum. Read fresh for every room event, so a duty
 * handed over on another page applies at once.
 */
import type { Executor } from '$lib/server/db';
import type { Duty } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { effectiveDuties, findMeetingRef, holdsDuty, isForumMember, type EffectiveDuty, type MeetingRef } from '../meetings/meeting-duties';
import { authorize, can, type Action, type Resource } from '../policy';

export interface RoomContext {
	meeting: MeetingRef;
	duties: Duty[];
	forumMember: boolean;
	/** every duty of the meeting and who holds it now */
	holders: EffectiveDuty[];
}

export async function roomContext(db: Executor, actor: Actor, meetingId: string): Promise<RoomContext> {
	const meeting = await findMeetingRef(db, meetingId);
	authorize(actor, 'meeting.read', { customerId: meeting.customer_id, kind: 'Meeting' });
	const [holders, forumMember] = await Promise.all([effectiveDuties(db, meeting), isForumMember(db, meeting.forum_id, actor.personId)]);
	const duties = holders.filter((d) => holdsDuty(actor, d, meeting, forumMember)).map((d) => d.duty);
	return { meeting, duties, forumMember, holders };
}

/** The duty a room control needs, named in its refusal ("the chair is now …"). */
const CONTROL_DUTY: Partial<Record<Action, Duty>> = { 'meeting.run': 'chair', 'meeting.present': 'presenter' };

/** A room control refused because someone else holds its duty now: says who. */
export class DutyRefusal extends DomainError {
	constructor(readonly holder: EffectiveDuty) {
		super('forbidden', `Only the ${holder.duty} may do this; it is held by ${holder.personName ?? `the ${holder.party}`} now`);
	}
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
	const resource = roomResource(ctx);
	if (can(actor, action, resource)) return;
	const duty = CONTROL_DUTY[action];
	const holder = duty && ctx.holders.find((h) => h.duty === duty);
	if (holder) throw new DutyRefusal(holder);
	authorize(actor, action, resource);
}
