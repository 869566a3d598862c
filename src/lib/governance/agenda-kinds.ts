/**
 * Kinds of agenda items, shared by the forum templates (server) and the agenda
 * document (server and browser); later issues hang live data and follow-ups on them.
 */
export const AGENDA_KINDS = [
	'previous_minutes',
	'supplier_info',
	'customer_info',
	'incident_follow_up',
	'operations_status',
	'statistics_sla',
	'escalations',
	'activity_review',
	'cab_changes',
	'risks',
	'invoicing',
	'other'
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
