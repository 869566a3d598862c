/**
 * The CAB's quorum rule: a change may be recommended for approval or
 * rejection only when at least one approver of each side (supplier and
 * customer) took part. Abstentions count towards the quorum but not the
 * outcome; a tie or no quorum means "defer".
 */
import type { Party } from '$lib/domain-types';
import type { VoteChoice } from '$lib/server/db/room-schema';
import type { Tally } from '$lib/realtime/room/events';

export interface BallotLike {
	party: Party;
	choice: VoteChoice;
}

export function tally(ballots: readonly BallotLike[]): Tally {
	const count = (c: VoteChoice) => ballots.filter((b) => b.choice === c).length;
	const approve = count('approve');
	const reject = count('reject');
	const abstain = count('abstain');
	const quorumMet = ballots.some((b) => b.party === 'supplier') && ballots.some((b) => b.party === 'customer');
	const outcome = !quorumMet || approve === reject ? 'defer' : approve > reject ? 'approve' : 'reject';
	return { approve, reject, abstain, quorumMet, outcome };
}
