/** The agreement's words: kinds of amendment, units, proposal states (portal page, meeting page). */
import { m } from '$lib/paraglide/messages';

const KINDS: Record<string, () => string> = {
	initial: m.agreement_kind_initial,
	call_off: m.agreement_kind_call_off,
	volume_change: m.agreement_kind_volume_change,
	price_change: m.agreement_kind_price_change,
	new_service: m.agreement_kind_new_service,
	end_service: m.agreement_kind_end_service,
	other: m.agreement_kind_other
};
const UNITS: Record<string, () => string> = {
	per_user: m.agreement_unit_per_user,
	per_server: m.agreement_unit_per_server,
	per_device: m.agreement_unit_per_device,
	per_month: m.agreement_unit_per_month,
	per_hour: m.agreement_unit_per_hour,
	per_item: m.agreement_unit_per_item
};
const STATES: Record<string, () => string> = {
	proposed: m.agreement_status_proposed,
	accepted: m.agreement_status_accepted,
	declined: m.agreement_status_declined
};

export const AMENDMENT_KIND_KEYS = Object.keys(KINDS).filter((k) => k !== 'initial');
export const amendmentKindLabel = (k: string): string => (KINDS[k] ?? KINDS.other)();
export const unitLabel = (u: string): string => UNITS[u]?.() ?? u;
export const proposalStateLabel = (s: string): string => STATES[s]?.() ?? s;
