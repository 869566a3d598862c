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
	if (start >= end) parseInput(z.object({ to: z.never({ message: 'Must be after from' }) }), { to: q.to });
	return { from: start, to: end };
}
