/** Row types of the meeting lifecycle and projection tables (migrations/2026-11-28T1200_meetings-lifecycle.ts). */
import type { Duty, Party } from '$lib/domain-types';

export interface MeetingDutiesTable {
	meeting_id: string;
	duty: Duty;
	party: Party;
	person_id: string | null;
	updated_by: string | null;
	updated_at: string;
}

export type ApprovalRole = 'chair' | 'adjuster';

export interface MeetingApprovalsTable {
	meeting_id: string;
	role: ApprovalRole;
	person_id: string;
	at: string;
}

export interface MinutesVersionsTable {
	id: string;
	meeting_id: string;
	kind: 'approved' | 'addendum';
	state: Uint8Array | null;
	/** JSON */
	content: string;
	created_by: string | null;
	created_at: string;
}

export interface AgendaItemsTable {
	meeting_id: string;
	item_id: string;
	position: number;
	kind: string;
	title: string;
	planned_minutes: number;
	presenter_id: string | null;
	notes: string;
	carried_from_meeting_id: string | null;
	done: number;
}

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface ActionItemsTable {
	id: string;
	forum_id: string;
	customer_id: string;
	position: number;
	title: string;
	description: string;
	owner_person_id: string | null;
	due_date: string | null;
	status: ActionStatus;
	raised_meeting_id: string | null;
	closed_meeting_id: string | null;
	escalated_from_id: string | null;
	escalated_to_id: string | null;
	created_at: string;
	updated_at: string;
}

export interface DecisionsTable {
	id: string;
	meeting_id: string;
	forum_id: string;
	customer_id: string;
	position: number;
	text: string;
	updated_at: string;
}

export interface MinutesTextTable {
	meeting_id: string;
	text: string;
	updated_at: string;
}

export interface LifecycleTables {
	meeting_duties: MeetingDutiesTable;
	meeting_approvals: MeetingApprovalsTable;
	minutes_versions: MinutesVersionsTable;
	agenda_items: AgendaItemsTable;
	action_items: ActionItemsTable;
	decisions: DecisionsTable;
	minutes_text: MinutesTextTable;
}
