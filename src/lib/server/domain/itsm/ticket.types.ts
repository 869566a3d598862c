/** The ticket model shared by import, SLA engine, KPIs and the API. */

export const TICKET_KINDS = ['incident', 'request', 'change', 'problem'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const STATUS_CATEGORIES = ['new', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export const CHANGE_OUTCOMES = ['successful', 'with_issues', 'failed', 'backed_out', 'cancelled'] as const;

export const PRIORITIES = [1, 2, 3, 4, 5] as const;
export type Priority = (typeof PRIORITIES)[number];

/** One step of a ticket's status history; times are epoch milliseconds. */
export interface HistoryEntry {
	at: number;
	status: StatusCategory;
	statusRaw: string | null;
	priority: Priority | null;
}

/** A ticket as the importers produce it, before it is stored. Times are epoch ms. */
export interface TicketDraft {
	source: string;
	sourceId: string | null;
	number: string;
	kind: TicketKind;
	title: string | null;
	statusRaw: string | null;
	status: StatusCategory;
	priorityRaw: string | null;
	priority: Priority | null;
	impact: string | null;
	urgency: string | null;
	category: string | null;
	service: string | null;
	channel: string | null;
	assignmentGroup: string | null;
	openedAt: number;
	firstResponseAt: number | null;
	resolvedAt: number | null;
	closedAt: number | null;
	reopenCount: number;
	/** the source's own time of the last reopen (ServiceNow reopened_time), when it has one */
	reopenedAt?: number | null;
	/** the source's own open/closed flag (ServiceNow `active`): stored as given, no rule reads it yet */
	active?: boolean | null;
	reassignmentCount: number;
	majorIncident: boolean;
	sourceSlaMet: boolean | null;
	satisfaction: number | null;
	changeType: (typeof CHANGE_TYPES)[number] | null;
	changeRisk: string | null;
	cabRequired: boolean | null;
	plannedStart: number | null;
	plannedEnd: number | null;
	actualStart: number | null;
	actualEnd: number | null;
	changeOutcome: (typeof CHANGE_OUTCOMES)[number] | null;
	history: HistoryEntry[];
}

export const isDone = (s: StatusCategory): boolean => s === 'resolved' || s === 'closed' || s === 'cancelled';
