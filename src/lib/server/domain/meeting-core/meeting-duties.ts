/**
 * Who holds which duty in one meeting. A duty handed over for one meeting
 * (`meeting_duties`) wins over the forum's duty (`forum_duties`); with neither,
 * the supplier holds it (the governance model gives every duty to the supplier,
 * "Ansvar kan omfördelas till kund vid behov").
 *
 * A duty held by a named person is that person's. A duty held by a party
 * without a name is held by that party's people who work in the forum: the
 * supplier's staff, or the customer's admins and the forum's customer-side members.
 * Who a person is in a meeting as a whole: meeting-context.ts.
 */
import type { Executor } from '$lib/server/db';
import { DUTIES, type Duty, type Party } from '$lib/domain-types';
import { isSupplier, type Actor } from '../actor';
import { isForumMemberRow, listForumDutiesWithNames } from '../governance/forums.repository';
import { listMeetingDutiesWithNames } from './meeting-duties.repository';

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

/** Every duty of the meeting, in the catalogue's order. */
export async function effectiveDuties(db: Executor, meeting: MeetingRef): Promise<EffectiveDuty[]> {
	const [forumRows, meetingRows] = await Promise.all([
		listForumDutiesWithNames(db, meeting.forum_id),
		listMeetingDutiesWithNames(db, meeting.id)
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
	return isForumMemberRow(db, forumId, personId);
}

