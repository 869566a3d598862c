/** Display helpers for the ITSM pages. */
import { locale } from './i18n';

import { formatNumber, formatPercent } from './number-format';

/** In the interface language, through the one number formatter. */
export const percent = (v: number | null | undefined) => formatPercent(v, locale());

export const decimal = (v: number | null | undefined, digits = 1) => formatNumber(v, locale(), digits);

export { ticketKindLabel as kindLabel, ticketStatusLabel as statusLabel } from './enum-labels';

/** Minutes of a target as "4 h" or "30 min". */
export const minutes = (v: number | null) => (v === null ? '–' : v % 60 === 0 ? `${v / 60} h` : `${v} min`);
