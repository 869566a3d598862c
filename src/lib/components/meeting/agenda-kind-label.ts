/** The kinds of agenda items in the user's language. */
import type { AgendaKind } from '$lib/governance/agenda-kinds';
import { m } from '$lib/paraglide/messages';

const LABELS: Record<AgendaKind, () => string> = {
	previous_minutes: m.agenda_kind_previous_minutes,
	supplier_info: m.agenda_kind_supplier_info,
	customer_info: m.agenda_kind_customer_info,
	incident_follow_up: m.agenda_kind_incident_follow_up,
	operations_status: m.agenda_kind_operations_status,
	statistics_sla: m.agenda_kind_statistics_sla,
	escalations: m.agenda_kind_escalations,
	activity_review: m.agenda_kind_activity_review,
	cab_changes: m.agenda_kind_cab_changes,
	risks: m.agenda_kind_risks,
	invoicing: m.agenda_kind_invoicing,
	other: m.agenda_kind_other
};

export const agendaKindLabel = (kind: AgendaKind): string => (LABELS[kind] ?? LABELS.other)();
