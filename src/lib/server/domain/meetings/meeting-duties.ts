/**
 * Who holds which duty in one meeting. A duty handed over for one meeting
 * (`meeting_duties`) wins over the forum's duty (`forum_duties`); with neither,
 * the supplier holds it (the governance model gives every duty to the supplier,
 * "Ansvar kan omfördelas till kund vid behov").
 *
 * A duty held by a named person is that person's. A duty held by a party
 * without a name is held by that party's people who work in the forum: the
 * supplier's staff, or the customer's admins and the forum's customer-side members.
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { Duty, Party } from '$lib/server/db/schema';
import { isSupplier, type Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { invalid, notFound } from '../errors';
import { DUTIES } from '../governance/catalogue.types';
import { assignDuty, personOfRelation } from '../governance/forums.service';
import { nowIso } from '../ids';
import { authorize, can } from '../policy';
import { id, parseInput } from '../validation';
import { accessChanged } from '../tenancy/access-events';

export interface EffectiveDuty {
	duty: Duty;
	party: Party;
	personId: string | null;
	personName: string | null;
	/** where it comes from: handed over for this meeting, the forum's, or the default */
	scope: 'meeting' | 'forum' | 'default';
}

export interface MeetingRef {
	id: string;
	forum_id: string;
	customer_id: string;
}

export async function findMeetingRef(db: Executor, meetingId: string): Promise<MeetingRef> {
	const row = await db.selectFrom('meetings').select(['id', 'forum_id', 'customer_id']).where('id', '=', meetingId).executeTakeFirst();
	if (!row) throw notFound('Meeting');
	return row;
}

/** Every duty of the meeting, in the catalogue's order. */
export async function effectiveDuties(db: Executor, meeting: MeetingRef): Promise<EffectiveDuty[]> {
	const [forumRows, meetingRows] = await Promise.all([
		db
			.selectFrom('forum_duties')
			.leftJoin('people', 'people.id', 'forum_duties.person_id')
			.select(['forum_duties.duty', 'forum_duties.party', 'forum_duties.person_id', 'people.name'])
			.where('forum_duties.forum_id', '=', meeting.forum_id)
			.execute(),
		db
			.selectFrom('meeting_duties')
			.leftJoin('people', 'people.id', 'meeting_duties.person_id')
			.select(['meeting_duties.duty', 'meeting_duties.party', 'meeting_duties.person_id', 'people.name'])
			.where('meeting_duties.meeting_id', '=', meeting.id)
			.execute()
	]);
	return DUTIES.map((duty): EffectiveDuty => {
		const own = meetingRows.find((r) => r.duty === duty);
		if (own) return { duty, party: own.party, personId: own.person_id, personName: own.name, scope: 'meeting' };
		const forum = forumRows.find((r) => r.duty === duty);
		if (forum) return { duty, party: forum.party, personId: forum.person_id, personName: forum.name, scope: 'forum' };
		return { duty, party: 'supplier', personId: null, personName: null, scope: 'default' };
	});
}

/** Whether the actor holds a duty, given whether they are a member of the meeting's forum. */
export function holdsDuty(actor: Actor, duty: EffectiveDuty, meeting: MeetingRef, forumMember: boolean): boolean {
	if (actor.token) return false;
	if (duty.personId) return duty.personId === actor.personId;
	if (duty.party === 'supplier') return isSupplier(actor);
	return actor.customerId === meeting.customer_id && (actor.access === 'customer_admin' || forumMember);
}

export async function isForumMember(db: Executor, forumId: string, personId: string): Promise<boolean> {
	const row = await db.selectFrom('forum_members').select('person_id').where('forum_id', '=', forumId).where('person_id', '=', personId).executeTakeFirst();
	return row !== undefined;
}

/** The duties the actor holds in the meeting: what `policy.ts` gets as `Resource.duties`. */
export async function actorDuties(db: Executor, actor: Actor, meeting: MeetingRef): Promise<Duty[]> {
	const [duties, member] = await Promise.all([effectiveDuties(db, meeting), isForumMember(db, meeting.forum_id, actor.personId)]);
	return duties.filter((d) => holdsDuty(actor, d, meeting, member)).map((d) => d.duty);
}

export const MeetingDutyInput = z.object({
	duty: z.enum(DUTIES as [Duty, ...Duty[]]),
	party: z.enum(['supplier', 'customer']),
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
export async function assignMeetingDuty(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<EffectiveDuty[]> {
	const meeting = await findMeetingRef(db, meetingId);
	authorize(actor, 'meeting.read', { customerId: meeting.customer_id, kind: 'Meeting' });
	const data = parseInput(MeetingDutyInput, input);
	if (data.scope === 'forum') {
		await assignDuty(db, actor, meeting.forum_id, data);
		// The forum's new holder applies to this meeting too.
		await db.deleteFrom('meeting_duties').where('meeting_id', '=', meeting.id).where('duty', '=', data.duty).execute();
		accessChanged({ kind: 'meeting', meetingId: meeting.id });
		return effectiveDuties(db, meeting);
	}
	const before = (await effectiveDuties(db, meeting)).find((d) => d.duty === data.duty)!;
	if (!can(actor, 'duty.assign', { customerId: meeting.customer_id })) {
		const held = holdsDuty(actor, before, meeting, await isForumMember(db, meeting.forum_id, actor.personId));
		authorize(actor, 'duty.pass', { customerId: meeting.customer_id, kind: 'Meeting', duties: held ? [data.duty] : [] });
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
		await tx
			.insertInto('meeting_duties')
			.values(row)
			.onConflict((oc) => oc.columns(['meeting_id', 'duty']).doUpdateSet({ party: row.party, person_id: row.person_id, updated_by: row.updated_by, updated_at: now }))
			.execute();
		await recordAudit(tx, actor, {
			action: 'meeting.duty.assign',
			entity: 'meeting',
			entityId: meeting.id,
			customerId: meeting.customer_id,
			before: { duty: data.duty, party: before.party, person: before.personName },
			after: { duty: data.duty, party: data.party, person: personName }
		});
	});
	accessChanged({ kind: 'meeting', meetingId: meeting.id });
	return effectiveDuties(db, meeting);
}
