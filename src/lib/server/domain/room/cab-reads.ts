/**
 * Reads of a meeting's CAB for domain code that has authorized the meeting
 * already (the room's state, its slides, the minutes model): whether it is a
 * CAB meeting, the changes it decides on, its votes and their outcomes. Who
 * may open, cast and close a vote: cab.service.ts.
 */
import type { Executor } from '$lib/server/db';
import type { Meeting } from '$lib/server/db/schema';
import type { CabPoll } from '$lib/realtime/room/events';
import type { ForumKey } from '../governance/catalogue.types';
import { findTemplateKeyOfForum } from '../governance/forums.repository';
import type { MeetingRef } from '../meeting-core/meeting-duties';
import { listBallotsWithNames, listCabChangeRows, listClosedPollRows, listPollRows } from './cab.repository';
import { tally } from './quorum';

/** The governance template the meeting's forum was made from; null for a forum made without one. */
export async function forumKeyOfMeeting(db: Executor, meeting: MeetingRef): Promise<ForumKey | null> {
	return ((await findTemplateKeyOfForum(db, meeting.forum_id)) as ForumKey | undefined) ?? null;
}

/** Whether the meeting is one of a CAB forum: only there are changes voted on. */
export async function isCabMeeting(db: Executor, meeting: MeetingRef): Promise<boolean> {
	return (await forumKeyOfMeeting(db, meeting)) === 'cab';
}

export interface CabCandidate {
	id: string;
	number: string;
	title: string | null;
	changeType: string | null;
	risk: string | null;
	plannedStart: string | null;
}

/**
 * The changes a CAB meeting decides on: the customer's changes that need the
 * CAB and are planned to start within four weeks of the meeting, not yet done.
 */
export async function cabCandidates(db: Executor, meeting: Pick<Meeting, 'customer_id' | 'starts_at'>): Promise<CabCandidate[]> {
	const from = new Date(Date.parse(meeting.starts_at) - 7 * 86_400_000).toISOString();
	const to = new Date(Date.parse(meeting.starts_at) + 28 * 86_400_000).toISOString();
	const rows = await listCabChangeRows(db, meeting.customer_id, from, to);
	return rows.map((r) => ({ id: r.id, number: r.number, title: r.title, changeType: r.change_type, risk: r.change_risk, plannedStart: r.planned_start }));
}

/** Every vote of the meeting with its ballots, for the room. */
export async function pollsOfMeeting(db: Executor, meetingId: string): Promise<CabPoll[]> {
	const [polls, ballots] = await Promise.all([listPollRows(db, meetingId), listBallotsWithNames(db, meetingId)]);
	return polls.map((p) => {
		const own = ballots.filter((b) => b.ticket_id === p.ticket_id);
		return {
			changeId: p.ticket_id,
			number: p.number,
			title: p.title,
			status: p.status,
			ballots: own.map((b) => ({ personId: b.person_id, name: b.name, side: b.party, choice: b.choice })),
			tally: tally(own),
			recommendation: p.recommendation,
			rationale: p.rationale
		};
	});
}

export interface CabOutcome {
	changeId: string;
	number: string;
	title: string | null;
	approve: number;
	reject: number;
	abstain: number;
	quorumMet: boolean;
	recommendation: 'approve' | 'reject' | 'defer';
	rationale: string;
	closedAt: string;
}

/** The closed votes of a meeting, for the minutes model . */
export async function cabOutcomesForMeeting(db: Executor, meetingId: string): Promise<CabOutcome[]> {
	const rows = await listClosedPollRows(db, meetingId);
	return rows.map((r) => ({
		changeId: r.ticket_id,
		number: r.number,
		title: r.title,
		approve: r.approve,
		reject: r.reject,
		abstain: r.abstain,
		quorumMet: r.quorum_met === 1,
		recommendation: r.recommendation ?? 'defer',
		rationale: r.rationale,
		closedAt: r.closed_at!
	}));
}
