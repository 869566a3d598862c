/** Row types of the live room tables (migrations/2026-11-28T1400_live-room.ts). */
import type { Generated } from 'kysely';
import type { Party } from '$lib/domain-types';

export type VoteChoice = 'approve' | 'reject' | 'abstain';
export type CabRecommendation = 'approve' | 'reject' | 'defer';

export interface RoomSlideNotesTable {
	meeting_id: string;
	slide: string;
	text: string;
	updated_by: string | null;
	updated_at: string;
}

export interface CabPollsTable {
	meeting_id: string;
	ticket_id: string;
	status: 'open' | 'closed';
	opened_by: string | null;
	opened_at: string;
	closed_by: string | null;
	closed_at: string | null;
	approve: Generated<number>;
	reject: Generated<number>;
	abstain: Generated<number>;
	quorum_met: number | null;
	recommendation: CabRecommendation | null;
	rationale: Generated<string>;
}

export interface CabVotesTable {
	meeting_id: string;
	ticket_id: string;
	person_id: string;
	party: Party;
	choice: VoteChoice;
	at: string;
}

export interface RoomTables {
	room_slide_notes: RoomSlideNotesTable;
	cab_polls: CabPollsTable;
	cab_votes: CabVotesTable;
}
