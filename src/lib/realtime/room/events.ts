/**
 * The live meeting room over socket.io (path /socket.io, websocket transport):
 * the events both sides may send, typed once for client and server.
 *
 * Every client event may carry an acknowledgement callback; refusals come
 * both as the ack's answer and as a `room:error` event to that socket only.
 */
import type { Party } from '$lib/domain-types';
import type { CodedMessage } from '$lib/errors/error-codes';
import type { DutyKey, RecommendationKey, VoteChoiceKey } from './schemas';
import type { SlideKey } from './slides';

export const ROOM_PATH = '/socket.io';

export type RoomErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'not_joined' | 'rate_limited' | 'error';

export interface RoomError {
	/** the client event that was refused */
	event: string;
	code: RoomErrorCode;
	/** English, for logs and old clients */
	message: string;
	/** a specific refusal as a code ($lib/errors/error-codes), shown in the user's language by $lib/i18n/error-message; absent when `code` says it all */
	messageCode?: CodedMessage;
	/** field (payload path) → code of its error */
	fieldCodes?: Record<string, CodedMessage>;
	/** a control refused because another holds its duty now: who (the chair taken over by someone else) */
	holder?: Pick<DutyHolder, 'duty' | 'party' | 'personId' | 'personName'>;
}

export type Ack = { ok: true } | { ok: false; error: RoomError };

export interface Participant {
	personId: string;
	name: string;
	side: Party;
}

export interface DutyHolder {
	duty: DutyKey;
	party: Party;
	personId: string | null;
	personName: string | null;
	scope: 'meeting' | 'forum' | 'default';
}

export interface Hand {
	personId: string;
	name: string;
	side: Party;
	at: string;
}

export interface Ballot {
	personId: string;
	name: string;
	side: Party;
	choice: VoteChoiceKey;
}

export interface Tally {
	approve: number;
	reject: number;
	abstain: number;
	quorumMet: boolean;
	/** what the votes say: approve or reject with a quorum, otherwise defer */
	outcome: RecommendationKey;
}

export interface CabPoll {
	changeId: string;
	number: string;
	title: string | null;
	status: 'open' | 'closed';
	ballots: Ballot[];
	tally: Tally;
	recommendation: RecommendationKey | null;
	rationale: string;
}

/**
 * A PDF from the meeting's material, shown to the room instead of the slides
 * (its version is fixed when the presentation starts: a version uploaded
 * meanwhile does not change the pages under the room's eyes).
 */
export interface ShownMaterial {
	id: string;
	version: number;
	fileName: string;
}

export interface RoomState {
	meetingId: string;
	status: string;
	participants: Participant[];
	duties: DutyHolder[];
	presenting: boolean;
	presenterId: string | null;
	slide: number;
	/** a PDF shown instead of the slides, at `page` (1-based) */
	material: ShownMaterial | null;
	page: number;
	currentItem: { id: string; startedAt: string } | null;
	hands: Hand[];
	notes: Partial<Record<SlideKey, string>>;
	polls: CabPoll[];
	/** the server's clock when this was sent, to correct the timer for a skewed client clock */
	serverNow: string;
	/** grows with every change of the room: an older broadcast arriving late is ignored (ordering.ts) */
	revision: number;
}

/** Who presents which slide (or which page of which material), as of `revision`. */
export interface SlideEvent {
	slide: number;
	material: ShownMaterial | null;
	page: number;
	presenting: boolean;
	presenterId: string | null;
	revision: number;
}

/** What this one socket's person may do now: sent again whenever duties change. */
export interface You {
	personId: string;
	name: string;
	side: Party;
	duties: DutyKey[];
	canRun: boolean;
	canPresent: boolean;
	/** may hand any duty over (supplier admin, the customer's admin) */
	canAssign: boolean;
	canVote: boolean;
	canWriteNotes: boolean;
}

export interface ServerToClientEvents {
	'room:state': (state: RoomState) => void;
	'room:you': (you: You) => void;
	/** the hot path: only the slide, to every follower */
	'room:slide': (slide: SlideEvent) => void;
	'room:note': (note: { slide: SlideKey; text: string; by: string }) => void;
	'room:error': (error: RoomError) => void;
	/** the person's bell changed (a notification arrived, or another of their pages read some): to every open page of theirs */
	'notifications:changed': (bell: { unread: number }) => void;
}

type WithAck<P> = (payload: P, ack?: (answer: Ack) => void) => void;

export interface ClientToServerEvents {
	'room:join': WithAck<{ meetingId: string }>;
	'present:start': WithAck<{ slide?: number } | undefined>;
	'present:stop': WithAck<Record<string, never> | undefined>;
	'present:pass': WithAck<{ personId: string }>;
	'slide:go': WithAck<{ slide: number }>;
	/** presents a PDF of the meeting's material (from `page`, or its first) */
	'present:material': WithAck<{ materialId: string; page?: number }>;
	'page:go': WithAck<{ page: number }>;
	'duty:assign': WithAck<{ duty: DutyKey; party: Party; personId: string | null; scope: 'meeting' | 'forum' }>;
	'item:set': WithAck<{ itemId: string | null }>;
	'timer:restart': WithAck<Record<string, never> | undefined>;
	'meeting:start': WithAck<{ confirmEarly?: boolean } | undefined>;
	'meeting:end': WithAck<Record<string, never> | undefined>;
	'hand:raise': WithAck<Record<string, never> | undefined>;
	'hand:lower': WithAck<{ personId?: string }>;
	'note:set': WithAck<{ slide: SlideKey; text: string }>;
	'vote:open': WithAck<{ changeId: string }>;
	'vote:cast': WithAck<{ changeId: string; choice: VoteChoiceKey }>;
	'vote:close': WithAck<{ changeId: string; recommendation?: RecommendationKey; rationale?: string }>;
}
