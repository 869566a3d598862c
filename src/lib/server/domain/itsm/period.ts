/** The reporting period of SLA and KPI queries: [from, to), Stockholm dates or ISO-8601 instants. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../time';
import { parseInput } from '../validation';

export interface Period {
	/** inclusive, ISO UTC */
	from: string;
	/** exclusive, ISO UTC */
	to: string;
}

const instant = z
	.string()
	.trim()
	.max(40)
	.refine((v) => DateTime.fromISO(v, { zone: DEFAULT_TIME_ZONE }).isValid, 'A date (yyyy-mm-dd) or an ISO-8601 date and time')
	.optional();

export const PeriodQuery = z.object({ from: instant, to: instant });

const toIso = (v: string) => DateTime.fromISO(v, { zone: DEFAULT_TIME_ZONE }).toUTC().toISO()!;

/** Without bounds: the twelve months up to the start of next month. */
export function parsePeriod(query: { from?: string | null; to?: string | null }, now = new Date()): Period {
	const q = parseInput(PeriodQuery, { from: query.from || undefined, to: query.to || undefined });
	const end = q.to ? toIso(q.to) : DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE }).startOf('month').plus({ months: 1 }).toUTC().toISO()!;
	const start = q.from ? toIso(q.from) : DateTime.fromISO(end).setZone(DEFAULT_TIME_ZONE).minus({ months: 12 }).toUTC().toISO()!;
	if (start >= end) parseInput(z.object({ to: z.never({ message: 'field.after_from' }) }), { to: q.to });
	return { from: start, to: end };
}

/**
 * A period of whole days in Stockholm, as every surface shows it: the first
 * and the last day, both inclusive ("1 jan. 2026 – 31 jan. 2026"). `from` and
 * `to` are the same period as the [from, to) instants the queries take: the
 * start of the first day and the start of the day after the last one.
 */
export interface DayPeriod extends Period {
	/** yyyy-mm-dd in Stockholm, inclusive */
	firstDay: string;
	/** yyyy-mm-dd in Stockholm, inclusive */
	lastDay: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant (UTC ISO) a Stockholm day begins, null for no such day. Time
 * zone arithmetic is the costliest part of a report page (every period of
 * every figure asks), and a day's answer never changes: kept, at most 20,000
 * days (55 years) at a time.
 */
const midnights = new Map<string, string | null>();
function stockholmMidnight(day: string): string | null {
	let instant = midnights.get(day);
	if (instant === undefined) {
		const d = DateTime.fromISO(day, { zone: DEFAULT_TIME_ZONE });
		instant = d.isValid ? d.toUTC().toISO()! : null;
		if (midnights.size >= 20_000) midnights.clear();
		midnights.set(day, instant);
	}
	return instant;
}

/** The whole days from `firstDay` to `lastDay` (yyyy-mm-dd), both inclusive. */
export function dayPeriod(firstDay: string, lastDay: string): DayPeriod {
	const from = DAY.test(firstDay) ? stockholmMidnight(firstDay) : null;
	const to = DAY.test(lastDay) && stockholmMidnight(lastDay) ? stockholmMidnight(addDays(lastDay, 1)) : null;
	if (!from || !to || lastDay < firstDay) throw new Error(`Not a period of days: ${firstDay} – ${lastDay}`);
	return { firstDay, lastDay, from, to };
}

/** The Stockholm day (yyyy-mm-dd) of an instant; kept like the midnights (reports ask for the same period bounds again and again). */
const days = new Map<string, string>();
export function dayOf(iso: string): string {
	let day = days.get(iso);
	if (day === undefined) {
		day = DateTime.fromISO(iso).setZone(DEFAULT_TIME_ZONE).toISODate()!;
		if (days.size >= 20_000) days.clear();
		days.set(iso, day);
	}
	return day;
}

/** A calendar day (yyyy-mm-dd) `days` days away. */
export const addDays = (day: string, days: number) => DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;

const DAY_FORMAT: Record<'sv' | 'en', Intl.DateTimeFormat> = {
	sv: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
	en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
};

/**
 * The one label of a period of days, in the reader's language: "1 jan. 2026 –
 * 31 jan. 2026" / "1 Jan 2026 – 31 Jan 2026", the last day included. The
 * meeting page, the room, the minutes' exports and the portal all show this.
 */
export function formatPeriod(p: Pick<DayPeriod, 'firstDay' | 'lastDay'>, locale: 'sv' | 'en'): string {
	const f = DAY_FORMAT[locale];
	const day = (d: string) => f.format(new Date(`${d}T12:00:00Z`));
	return p.firstDay === p.lastDay ? day(p.firstDay) : `${day(p.firstDay)} – ${day(p.lastDay)}`;
}

/** The label in both languages, for what is frozen or sent to the browser. */
export const periodLabels = (p: Pick<DayPeriod, 'firstDay' | 'lastDay'>) => ({ sv: formatPeriod(p, 'sv'), en: formatPeriod(p, 'en') });
