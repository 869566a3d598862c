/** Display helpers for the ITSM pages. */
import { m } from '$lib/paraglide/messages';
import { locale } from './i18n';

export const percent = (v: number | null | undefined) =>
	v === null || v === undefined ? '–' : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(v);

export const decimal = (v: number | null | undefined, digits = 1) =>
	v === null || v === undefined ? '–' : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(v);

export const kindLabel = (k: string) =>
	({ incident: m.itsm_kind_incident(), request: m.itsm_kind_request(), change: m.itsm_kind_change(), problem: m.itsm_kind_problem() })[k] ?? k;

export const statusLabel = (s: string) =>
	({
		new: m.itsm_status_new(),
		in_progress: m.itsm_status_in_progress(),
		on_hold: m.itsm_status_on_hold(),
		resolved: m.itsm_status_resolved(),
		closed: m.itsm_status_closed(),
		cancelled: m.itsm_status_cancelled()
	})[s] ?? s;

/** Minutes of a target as "4 h" or "30 min". */
export const minutes = (v: number | null) => (v === null ? '–' : v % 60 === 0 ? `${v / 60} h` : `${v} min`);

/**
 * A share of tickets as every ITSM table and chart shows it: "83,3 % (12
 * ärenden)", or "för få ärenden (3)" when the server says they are too few
 * (itsm/sample-size.ts decides; this only words it).
 */
export const ticketShare = (value: number | null, s: { tickets?: number; tooFewTickets?: boolean }) =>
	s.tickets === undefined
		? percent(value)
		: s.tooFewTickets
			? m.itsm_too_few_tickets({ count: s.tickets })
			: value === null
				? '–'
				: m.itsm_share_tickets({ share: percent(value), count: s.tickets });
