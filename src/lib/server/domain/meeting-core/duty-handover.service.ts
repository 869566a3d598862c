/**
 * Handing a duty over, for one meeting or for the forum from now on ("the
 * customer takes the chair"), from the meeting page, the API or the live room.
 * The person who gets it and the one who loses it are told (duty-notices.ts).
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import { DUTIES, PARTIES, type Party } from '$lib/domain-types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { invalid } from '../errors';
import { assignDuty, personOfRelation } from '../governance/forums.service';
import { nowIso } from '../ids';
import { authorize, can } from '../policy';
import { accessChanged } from '../tenancy/access-events';
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

/**
 * Hands a duty over, for this meeting or for the forum ("the customer takes
 * the chair"). Supplier admins and the customer's admins may always; whoever
 * holds a duty may pass it on for this meeting (the presenter hands over).
 * Returns the meeting's duties afterwards.
 */
export async function assignMeetingDuty(db: Db, actor: Actor, of: string | MeetingContext, input: unknown): Promise<EffectiveDuty[]> {
	const ctx = typeof of === 'string' ? await meetingContext(db, actor, of) : of;
	const { meeting } = ctx;
	const data = parseInput(MeetingDutyInput, input);
	if (data.scope === 'forum') {
		await assignDuty(db, actor, meeting.forum_id, data, forumDutyNotices(actor, meeting.forum_id, meeting.id));
		// The forum's new holder applies to this meeting too.
		await deleteMeetingDuty(db, meeting.id, data.duty);
		accessChanged({ kind: 'meeting', meetingId: meeting.id });
		return effectiveDuties(db, meeting);
	}
	const before = ctx.holders.find((d) => d.duty === data.duty)!;
	if (!can(actor, 'duty.assign', { customerId: meeting.customer_id })) {
		authorize(actor, 'duty.pass', { customerId: meeting.customer_id, kind: 'Meeting', duties: ctx.duties.includes(data.duty) ? [data.duty] : [] });
	}
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
