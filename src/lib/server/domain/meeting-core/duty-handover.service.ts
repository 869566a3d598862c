/**
 * Handing a duty over, for one meeting or for the forum from now on ("the
 * customer takes the chair"), from the live room. Who may hand which duty to
 * whom is policy.ts `duty.handover`; the people a page offers are the ones
 * that rule allows (handoverOffer). The person who gets it and the one
 * who loses it are told (duty-notices.ts).
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import { DUTIES, PARTIES, type Duty, type Party } from '$lib/domain-types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { forbidden, invalid } from '../errors';
import { assignDuty } from '../governance/forums.service';
import { personOfRelation } from '../governance/relation-person';
import { nowIso } from '../ids';
import { authorize, can, type Resource } from '../policy';
import { accessChanged } from '../tenancy/access-events';
import { listPeopleRows } from '../tenancy/tenancy.repository';
import { id, parseInput } from '../validation';
import { forumDutyNotices, queueDutyChanged } from './duty-notices';
import { meetingContext, type MeetingContext } from './meeting-context';
import { effectiveDuties, type EffectiveDuty } from './meeting-duties';
import { deleteMeetingDuty, upsertMeetingDuty } from './meeting-duties.repository';

export const MeetingDutyInput = z.object({
	duty: z.enum(DUTIES),
	party: z.enum(PARTIES),
	personId: id().nullish(),
	/** for this meeting only, or for the forum from now on */
	scope: z.enum(['meeting', 'forum']).default('meeting')
});

/** What policy.ts decides a handover of `duty` to `toParty` on: the meeting, and the duty if the actor holds it. */
const handoverResource = (ctx: MeetingContext, duty: Duty, toParty: Party): Resource => ({
	customerId: ctx.meeting.customer_id,
	kind: 'Meeting',
	duties: ctx.duties.filter((d) => d === duty),
	toParty
});

/**
 * Hands a duty over, for this meeting or for the forum ("the customer takes
 * the chair"): policy.ts `duty.handover` decides (admins hand any duty,
 * whoever holds one passes it on, the customer side gives a duty it does not
 * hold only to its own people). Returns the meeting's duties afterwards.
 */
export async function assignMeetingDuty(db: Db, actor: Actor, of: string | MeetingContext, input: unknown): Promise<EffectiveDuty[]> {
	const ctx = typeof of === 'string' ? await meetingContext(db, actor, of) : of;
	const { meeting } = ctx;
	const data = parseInput(MeetingDutyInput, input);
	const resource = handoverResource(ctx, data.duty, data.party);
	if (!can(actor, 'duty.handover', resource) && can(actor, 'duty.handover', { ...resource, toParty: 'customer' })) {
		throw forbidden('The customer side hands duties to its own people');
	}
	authorize(actor, 'duty.handover', resource);
	if (data.scope === 'forum') {
		await assignDuty(db, actor, meeting.forum_id, data, forumDutyNotices(actor, meeting.forum_id, meeting.id));
		// The forum's new holder applies to this meeting too.
		await deleteMeetingDuty(db, meeting.id, data.duty);
		accessChanged({ kind: 'meeting', meetingId: meeting.id });
		return effectiveDuties(db, meeting);
	}
	const before = ctx.holders.find((d) => d.duty === data.duty)!;
	let personName: string | null = null;
	if (data.personId) {
		const person = await personOfRelation(db, data.personId, meeting.customer_id);
		const party: Party = person.customer_id ? 'customer' : 'supplier';
		if (party !== data.party) throw invalid('The person is not of the chosen party', { personId: 'person.not_of_party' });
		personName = person.name;
	}
	await db.transaction().execute(async (tx) => {
		const now = nowIso();
		const row = { meeting_id: meeting.id, duty: data.duty, party: data.party, person_id: data.personId ?? null, updated_by: actor.personId, updated_at: now };
		await upsertMeetingDuty(tx, row);
		await recordAudit(tx, actor, {
			action: 'meeting.duty.assign',
			entity: 'meeting',
			entityId: meeting.id,
			customerId: meeting.customer_id,
			before: { duty: data.duty, party: before.party, person: before.personName },
			after: { duty: data.duty, party: data.party, person: personName }
		});
		await queueDutyChanged(tx, actor, meeting.id, data.duty, before.personId, row.person_id);
	});
	accessChanged({ kind: 'meeting', meetingId: meeting.id });
	return effectiveDuties(db, meeting);
}

export interface HandoverRecipient {
	id: string;
	name: string;
	party: Party;
}

export interface HandoverOffer {
	/** the people (with an account) of every party a duty may go to from this viewer */
	people: HandoverRecipient[];
	/** the parties a duty may go to when the viewer holds it, and when not (duties change live, this does not) */
	toParties: { held: Party[]; notHeld: Party[] };
}

/**
 * Whom the actor may hand a duty to in this meeting, for the room's handover
 * form: policy.ts duty.handover asked for each party, holding the duty and not.
 */
export async function handoverOffer(db: Db, actor: Actor, meetingId: string): Promise<HandoverOffer> {
	const ctx = await meetingContext(db, actor, meetingId);
	const toParties = (held: boolean) =>
		PARTIES.filter((party) => can(actor, 'duty.handover', { customerId: ctx.meeting.customer_id, duties: held ? ['chair'] : [], toParty: party }));
	const offer = { held: toParties(true), notHeld: toParties(false) };
	const parties = PARTIES.filter((party) => offer.held.includes(party) || offer.notHeld.includes(party));
	const rows = await Promise.all(parties.map((party) => listPeopleRows(db, party === 'customer' ? ctx.meeting.customer_id : null)));
	return {
		people: parties.flatMap((party, i) =>
			rows[i].filter((p) => p.has_account && !p.disabled_at).map((p): HandoverRecipient => ({ id: p.id, name: p.name, party }))
		),
		toParties: offer
	};
}
