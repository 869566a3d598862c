/** Display helpers for the ITSM pages. */
import { locale } from './i18n';
import { m } from './paraglide/messages';

import { formatNumber, formatPercent } from './number-format';

/** In the interface language, through the one number formatter. */
export const percent = (v: number | null | undefined) => formatPercent(v, locale());

export const decimal = (v: number | null | undefined, digits = 1) => formatNumber(v, locale(), digits);

export { ticketKindLabel as kindLabel, ticketStatusLabel as statusLabel } from './enum-labels';

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
