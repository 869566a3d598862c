/**
 * Live CAB votes: the chair opens a vote on a change, approvers of both sides
 * vote (approve, reject, abstain), the chair closes it with a recommendation
 * (by default what the votes say under the quorum rule) and a rationale. The
 * result is stored per meeting and change ticket, for the minutes and for the
 * change's own history.
 */
import type { Db, Executor } from '$lib/server/db';
import type { Meeting } from '$lib/server/db/schema';
import type { CabPoll } from '$lib/realtime/room/events';
import { VoteCastPayload, VoteClosePayload, VoteOpenPayload } from '$lib/realtime/room/schemas';
import { isSupplier, type Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid } from '../errors';
import { nowIso } from '../ids';
import { parseInput } from '../validation';
import { findTemplateKeyOfForum } from '../governance/forums.repository';
import {
	closePoll,
	deleteBallots,
	findChangeOfCustomer,
	findPoll,
	listBallots,
	listBallotsWithNames,
	listCabChangeRows,
	listClosedPollRows,
	listPollRows,
	openPoll,
	upsertBallot
} from './cab.repository';
import { tally } from './quorum';
import { meetingContext } from '../meeting-core/meeting-context';
import type { MeetingRef } from '../meeting-core/meeting-duties';
import { authorizeIn } from './room-context';

/** Whether the meeting is one of a CAB forum: only there are changes voted on. */
export async function isCabMeeting(db: Executor, meeting: MeetingRef): Promise<boolean> {
	return (await findTemplateKeyOfForum(db, meeting.forum_id)) === 'cab';
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

async function changeOfMeeting(db: Executor, meeting: MeetingRef, changeId: string) {
	const row = await findChangeOfCustomer(db, meeting.customer_id, changeId);
	if (!row) throw invalid('Not a change of this customer', { changeId: 'meeting.unknown_change' });
	return row;
}

export async function openVote(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<void> {
	const ctx = await meetingContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.run', ctx);
	const { changeId } = parseInput(VoteOpenPayload, input);
	if (!(await isCabMeeting(db, ctx.meeting))) throw conflict('Only a CAB meeting votes on changes');
	await changeOfMeeting(db, ctx.meeting, changeId);
	const now = nowIso();
	// Reopening a closed vote starts it over: the earlier ballots no longer stand.
	await db.transaction().execute(async (tx) => {
		await deleteBallots(tx, meetingId, changeId);
		await openPoll(tx, { meetingId, changeId, by: actor.personId, at: now });
	});
}

export async function castVote(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<void> {
	const ctx = await meetingContext(db, actor, meetingId);
	authorizeIn(actor, 'cab.vote', ctx);
	const { changeId, choice } = parseInput(VoteCastPayload, input);
	const poll = await findPoll(db, meetingId, changeId);
	if (poll?.status !== 'open') throw conflict('No open vote on this change');
	const party = isSupplier(actor) ? 'supplier' : 'customer';
	const at = nowIso();
	await upsertBallot(db, { meeting_id: meetingId, ticket_id: changeId, person_id: actor.personId, party, choice, at });
}

export async function closeVote(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<void> {
	const ctx = await meetingContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.run', ctx);
	const { changeId, recommendation, rationale } = parseInput(VoteClosePayload, input);
	const change = await changeOfMeeting(db, ctx.meeting, changeId);
	await db.transaction().execute(async (tx) => {
		const poll = await findPoll(tx, meetingId, changeId);
		if (poll?.status !== 'open') throw conflict('No open vote on this change');
		const ballots = await listBallots(tx, meetingId, changeId);
		const t = tally(ballots);
		// Without a quorum the CAB cannot approve or reject, whatever the chair would like.
		const chosen = recommendation && (t.quorumMet || recommendation === 'defer') ? recommendation : t.outcome;
		const now = nowIso();
		await closePoll(tx, meetingId, changeId, {
			status: 'closed',
			closed_by: actor.personId,
			closed_at: now,
			approve: t.approve,
			reject: t.reject,
			abstain: t.abstain,
			quorum_met: t.quorumMet ? 1 : 0,
			recommendation: chosen,
			rationale
		});
		await recordAudit(tx, actor, {
			action: 'cab.recommendation',
			entity: 'ticket',
			entityId: changeId,
			customerId: ctx.meeting.customer_id,
			before: null,
			after: { meetingId, change: change.number, recommendation: chosen, rationale, approve: t.approve, reject: t.reject, abstain: t.abstain, quorumMet: t.quorumMet }
		});
	});
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

/** The closed votes of a meeting, for the minutes model (no actor: the caller has authorized the meeting). */
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
