/**
 * Live CAB votes: the chair opens a vote on a change, approvers of both sides
 * vote (approve, reject, abstain), the chair closes it with a recommendation
 * (by default what the votes say under the quorum rule) and a rationale. The
 * result is stored per meeting and change ticket, for the minutes and for the
 * change's own history.
 */
import type { Db, Executor } from '$lib/server/db';
import { VoteCastPayload, VoteClosePayload, VoteOpenPayload } from '$lib/realtime/room/schemas';
import { isSupplier, type Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid } from '../errors';
import { nowIso } from '../ids';
import { parseInput } from '../validation';
import {
	closePoll,
	deleteBallots,
	findChangeOfCustomer,
	findPoll,
	listBallots,
	openPoll,
	upsertBallot
} from './cab.repository';
import { tally } from './quorum';
import { meetingContext } from '../meeting-core/meeting-context';
import type { MeetingRef } from '../meeting-core/meeting-duties';
import { cabCandidates, isCabMeeting, type CabCandidate } from './cab-reads';
import { authorizeIn } from './room-context';


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

/** The changes the room's vote form offers: the CAB's candidates, none outside a CAB meeting. */
export async function cabChangesToVote(db: Db, actor: Actor, meetingId: string): Promise<CabCandidate[]> {
	const ctx = await meetingContext(db, actor, meetingId);
	return (await isCabMeeting(db, ctx.meeting)) ? cabCandidates(db, ctx.meeting) : [];
}
