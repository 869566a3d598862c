/**
 * A room control refused because someone else holds its duty now names the
 * holder ("the chair is now …"). Who the person is in the meeting comes from
 * the one meeting context (meeting-core/meeting-context.ts), read fresh for
 * every room event.
 */
import type { Duty } from '$lib/domain-types';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import type { MeetingContext } from '../meeting-core/meeting-context';
import type { EffectiveDuty } from '../meeting-core/meeting-duties';
import { authorize, can, type Action } from '../policy';

/** The duty a room control needs, named in its refusal ("the chair is now …"). */
const CONTROL_DUTY: Partial<Record<Action, Duty>> = { 'meeting.run': 'chair', 'meeting.present': 'presenter', 'meeting.notes': 'presenter' };

/** A room control refused because someone else holds its duty now: says who. */
export class DutyRefusal extends DomainError {
	constructor(readonly holder: EffectiveDuty) {
		super('forbidden', `Only the ${holder.duty} may do this; it is held by ${holder.personName ?? `the ${holder.party}`} now`);
	}
}

export function authorizeIn(actor: Actor, action: Action, ctx: MeetingContext): void {
	if (can(actor, action, ctx.resource)) return;
	const duty = CONTROL_DUTY[action];
	const holder = duty && ctx.holders.find((h) => h.duty === duty);
	if (holder) throw new DutyRefusal(holder);
	authorize(actor, action, ctx.resource);
}
