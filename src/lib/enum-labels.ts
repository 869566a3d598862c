/**
 * One label function per enum the product shows: a stored value (status,
 * outcome, kind, light, …) never reaches a person as it is. Isomorphic and
 * pure in the language: pages call them without `lang` (the interface
 * language), the CSV, PDF and figure tables pass the export's language.
 * A value the function does not know (data from an import) is shown as
 * "Okänt"/"Unknown" rather than as a raw key.
 */
import { m } from '$lib/paraglide/messages';
import type { Locale } from './i18n';

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const pick = (table: Record<string, Label>, value: string | null | undefined, lang: Locale | undefined, fallback: Label): string =>
	(value !== null && value !== undefined && Object.hasOwn(table, value) ? table[value] : fallback)({}, lang ? { locale: lang } : {});

export const TICKET_KIND_LABELS: Record<string, Label> = { incident: m.itsm_kind_incident, request: m.itsm_kind_request, change: m.itsm_kind_change, problem: m.itsm_kind_problem };
export const ticketKindLabel = (kind: string | null | undefined, lang?: Locale) => pick(TICKET_KIND_LABELS, kind, lang, m.portal_unknown);

export const TICKET_STATUS_LABELS: Record<string, Label> = {
	new: m.itsm_status_new,
	in_progress: m.itsm_status_in_progress,
	on_hold: m.itsm_status_on_hold,
	resolved: m.itsm_status_resolved,
	closed: m.itsm_status_closed,
	cancelled: m.itsm_status_cancelled
};
export const ticketStatusLabel = (status: string | null | undefined, lang?: Locale) => pick(TICKET_STATUS_LABELS, status, lang, m.portal_unknown);

export const CHANGE_OUTCOME_LABELS: Record<string, Label> = {
	successful: m.live_change_successful,
	with_issues: m.live_change_with_issues,
	failed: m.live_change_failed,
	backed_out: m.live_change_backed_out,
	cancelled: m.live_change_cancelled
};
export const changeOutcomeLabel = (outcome: string | null | undefined, lang?: Locale) => pick(CHANGE_OUTCOME_LABELS, outcome, lang, m.live_change_unknown);

export const CHANGE_TYPE_LABELS: Record<string, Label> = { standard: m.live_change_standard, normal: m.live_change_normal, emergency: m.live_change_emergency };
export const changeTypeLabel = (type: string | null | undefined, lang?: Locale) => pick(CHANGE_TYPE_LABELS, type, lang, m.live_change_unknown);

export const LIGHT_LABELS: Record<string, Label> = { green: m.itsm_light_green, amber: m.itsm_light_amber, red: m.itsm_light_red };
export const lightLabel = (light: string | null | undefined, lang?: Locale) => pick(LIGHT_LABELS, light, lang, m.portal_unknown);

export const MEETING_STATUS_LABELS: Record<string, Label> = {
	planned: m.meeting_state_planned,
	agenda_published: m.meeting_state_agenda_published,
	in_progress: m.meeting_state_in_progress,
	minutes_draft: m.meeting_state_minutes_draft,
	minutes_approved: m.meeting_state_minutes_approved,
	confirmed: m.meeting_state_confirmed,
	cancelled: m.meeting_state_cancelled
};
export const meetingStatusLabel = (status: string | null | undefined, lang?: Locale) => pick(MEETING_STATUS_LABELS, status, lang, m.portal_unknown);

export const ACTION_STATUS_LABELS: Record<string, Label> = {
	open: m.actions_status_open,
	in_progress: m.actions_status_in_progress,
	done: m.actions_status_done,
	cancelled: m.actions_status_cancelled
};
export const actionStatusLabel = (status: string | null | undefined, lang?: Locale) => pick(ACTION_STATUS_LABELS, status, lang, m.portal_unknown);

export const SLA_STATE_LABELS: Record<string, Label> = { met: m.itsm_sla_met, breached: m.itsm_sla_breached, pending: m.itsm_sla_pending };
export const slaStateLabel = (state: string | null | undefined, lang?: Locale) => pick(SLA_STATE_LABELS, state, lang, m.portal_unknown);

export const SLA_CALENDAR_LABELS: Record<string, Label> = { business: m.itsm_calendar_business, '24x7': m.itsm_calendar_24x7 };
export const slaCalendarLabel = (calendar: string | null | undefined, lang?: Locale) => pick(SLA_CALENDAR_LABELS, calendar, lang, m.portal_unknown);

/** The agreement's words: kinds of amendment, units of a service, states of a proposal. */
export const AMENDMENT_KIND_LABELS: Record<string, Label> = {
	initial: m.agreement_kind_initial,
	call_off: m.agreement_kind_call_off,
	volume_change: m.agreement_kind_volume_change,
	price_change: m.agreement_kind_price_change,
	new_service: m.agreement_kind_new_service,
	end_service: m.agreement_kind_end_service,
	other: m.agreement_kind_other
};
/** The kinds an amendment form offers (the initial agreement is made once, when it is set up). */
export const AMENDMENT_KIND_KEYS = Object.keys(AMENDMENT_KIND_LABELS).filter((k) => k !== 'initial');
export const amendmentKindLabel = (kind: string | null | undefined, lang?: Locale) => pick(AMENDMENT_KIND_LABELS, kind, lang, m.agreement_kind_other);

export const SERVICE_UNIT_LABELS: Record<string, Label> = {
	per_user: m.agreement_unit_per_user,
	per_server: m.agreement_unit_per_server,
	per_device: m.agreement_unit_per_device,
	per_month: m.agreement_unit_per_month,
	per_hour: m.agreement_unit_per_hour,
	per_item: m.agreement_unit_per_item
};
export const unitLabel = (unit: string | null | undefined, lang?: Locale) => pick(SERVICE_UNIT_LABELS, unit, lang, m.portal_unknown);

export const PROPOSAL_STATE_LABELS: Record<string, Label> = { proposed: m.agreement_status_proposed, accepted: m.agreement_status_accepted, declined: m.agreement_status_declined };
export const proposalStateLabel = (state: string | null | undefined, lang?: Locale) => pick(PROPOSAL_STATE_LABELS, state, lang, m.portal_unknown);
