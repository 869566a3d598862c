/**
 * Who holds which duty in one meeting. A duty handed over for one meeting
 * (`meeting_duties`) wins over the forum's duty (`forum_duties`); with neither,
 * the supplier holds it (the governance model gives every duty to the supplier,
 * "Ansvar kan omfördelas till kund vid behov").
 *
 * Whether a person holds a duty is a rule of policy.ts (holdsDuty); who a
 * person is in a meeting as a whole: meeting-context.ts.
 */
import type { Executor } from '$lib/server/db';
import { DUTIES, type Duty, type Party } from '$lib/domain-types';
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

export async function isForumMember(db: Executor, forumId: string, personId: string): Promise<boolean> {
	return isForumMemberRow(db, forumId, personId);
}

