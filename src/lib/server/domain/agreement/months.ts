/**
 * The agreement's periods are calendar months, "yyyy-mm" (Stockholm): the
 * supplier invoices per month, and an amendment takes effect from a month.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../time';

export const MONTH_FORMAT = /^(20\d{2})-(0[1-9]|1[0-2])$/;
export const Month = z.string().trim().regex(MONTH_FORMAT, 'agreement.month_format');

export const isMonth = (v: string): boolean => MONTH_FORMAT.test(v);

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const i = y * 12 + (m - 1) + n;
	return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included (at most 120). */
export function monthsBetween(from: string, to: string): string[] {
	const out: string[] = [];
	for (let m = from; m <= to && out.length < 120; m = addMonths(m, 1)) out.push(m);
	return out;
}

/** The month holding `now` in Stockholm. */
export const monthOf = (now: Date = new Date()): string => DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE }).toFormat('yyyy-MM');

/** The month of a day "yyyy-mm-dd". */
export const monthOfDay = (day: string): string => day.slice(0, 7);

/** The last day "yyyy-mm-dd" of a month. */
export const lastDayOf = (month: string): string => DateTime.fromISO(`${month}-01`, { zone: DEFAULT_TIME_ZONE }).endOf('month').toISODate()!;

/**
 * The whole months of a meeting's period (first and last day): the months
 * whose last day is within it; when none is, the last whole month before its
 * last day. The previous period's invoicing, as the tactical forum follows it up.
 */
export function wholeMonthsOf(firstDay: string, lastDay: string): string[] {
	let to = monthOfDay(lastDay);
	if (lastDayOf(to) > lastDay) to = addMonths(to, -1);
	let from = monthOfDay(firstDay);
	if (`${from}-01` < firstDay) from = addMonths(from, 1);
	if (from > to) from = to;
	const months = monthsBetween(from, to);
	return months.slice(-12);
}
