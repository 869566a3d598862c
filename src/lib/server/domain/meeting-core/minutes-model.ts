/**
 * The minutes as a plain, renderer-neutral model: what approval freezes into
 * `minutes_versions.content` (JSON) and what every export (PDF, HTML,
 * Markdown) and the portal render. Built from the Yjs documents by
 * `minutes-reader.ts` and the lifecycle service; never from the browser.
 */
import type { Localized } from '$lib/i18n';
import type { Duty, Party } from '$lib/domain-types';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';
import type { FrozenFigure } from '$lib/governance/figures';

/** One end of an escalation: the action, its forum, and its meeting (where it was raised, or is to be dealt with). */
export interface EscalationEnd {
	forumId: string;
	forumName: { sv: string; en: string };
	meetingId: string | null;
	meetingTitle: string | null;
	meetingStartsAt: string | null;
	actionId: string;
	actionTitle: string;
}

/** A run of text with its formatting (Lexical text format bits resolved). */
export interface MinutesRun {
	text: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	strikethrough?: boolean;
	code?: boolean;
	/** set when the run is (part of) a link; only http(s) and mailto links survive */
	href?: string;
	/** set when the run stands for an action said in the minutes (its text: the action as the list held it) */
	actionId?: string;
}

export interface MinutesListItem {
	runs: MinutesRun[];
	/** nesting depth, 0 for top level */
	depth: number;
	/** check lists only */
	checked?: boolean;
}

export type MinutesBlock =
	| { type: 'heading'; level: 1 | 2 | 3; runs: MinutesRun[] }
	| { type: 'paragraph'; runs: MinutesRun[] }
	| { type: 'quote'; runs: MinutesRun[] }
	| { type: 'list'; style: 'bullet' | 'number' | 'check'; items: MinutesListItem[] }
	/** a structured decision (beslut), numbered in the order of the minutes */
	| { type: 'decision'; id: string; runs: MinutesRun[] }
	/** a data block (ITSM figures) frozen at approval; `figureId` points into `figures` */
	| { type: 'data'; figureId: string };

export interface MinutesAction {
	id: string;
	title: string;
	description: string;
	ownerName: string | null;
	ownerSide: Party | null;
	dueDate: string | null;
	status: ActionStatus;
	/** both ends of an escalation (absent in versions frozen before links were kept) */
	escalatedFrom?: EscalationEnd | null;
	escalatedTo?: EscalationEnd | null;
}

/**
 * A decision material (underlag) that was before the meeting, as the record
 * lists it: the version current at approval, never supplier-internal material.
 */
export interface RecordedMaterial {
	name: string;
	version: number;
	/** SHA-256 of the version's bytes, hex */
	sha256: string;
	/** the agenda item it belonged to; null: the whole meeting */
	agendaItem: string | null;
}

/** A table of figures as presented in the meeting, frozen at approval. */
export type { FrozenFigure };

export interface MinutesModel {
	meeting: {
		id: string;
		title: string;
		startsAt: string;
		endsAt: string;
		location: string | null;
		customerName: string;
		forumName: Localized;
	};
	attendees: {
		personId: string;
		name: string;
		side: Party;
		role: string | null;
		duties: Duty[];
		attendance: 'attended' | 'absent' | 'excused' | null;
	}[];
	agenda: { title: string; kind: string; plannedMinutes: number; presenterName: string | null }[];
	blocks: MinutesBlock[];
	decisions: { id: string; number: number; text: string }[];
	actions: { new: MinutesAction[]; closed: MinutesAction[]; open: MinutesAction[] };
	figures: FrozenFigure[];
	approvals: { role: 'chair' | 'adjuster'; name: string; at: string }[];
	addenda: { at: string; by: string; text: string }[];
	/** the decision material before the meeting (absent in versions frozen before issue 16) */
	material?: RecordedMaterial[];
}
