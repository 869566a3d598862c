/**
 * The periods portal reports are read for: a calendar month ("2026-10") or a
 * quarter ("2026-Q3") in Stockholm time: a period of whole days (itsm/period.ts),
 * so its label is the same formatter's as a meeting's.
 */
import { DateTime } from 'luxon';
import { invalid } from '../errors';
import { dayPeriod, type DayPeriod } from '../itsm/period';
import { DEFAULT_TIME_ZONE } from '../time';

export interface ReportPeriod extends DayPeriod {
	/** "2026-10" or "2026-Q3" */
	key: string;
	kind: 'month' | 'quarter';
	year: number;
	/** month 1..12 or quarter 1..4 */
	index: number;
}

const start = (year: number, month: number) => DateTime.fromObject({ year, month, day: 1 }, { zone: DEFAULT_TIME_ZONE });

/** Built periods, by kind, year and index: pure, and a report page asks for dozens (its trend, its navigation). */
const built = new Map<string, ReportPeriod>();

function build(kind: 'month' | 'quarter', year: number, index: number): ReportPeriod {
	const key = kind === 'month' ? `${year}-${String(index).padStart(2, '0')}` : `${year}-Q${index}`;
	let period = built.get(key);
	if (!period) {
		const from = start(year, kind === 'month' ? index : (index - 1) * 3 + 1);
		const to = from.plus({ months: kind === 'month' ? 1 : 3 });
		period = { key, kind, year, index, ...dayPeriod(from.toISODate()!, to.minus({ days: 1 }).toISODate()!) };
		if (built.size >= 5_000) built.clear();
		built.set(key, period);
	}
	// each caller its own copy
	return { ...period };
}

/** The month that contains `now` (Stockholm). */
export function currentMonth(now = new Date()): ReportPeriod {
	const d = DateTime.fromJSDate(now, { zone: DEFAULT_TIME_ZONE });
	return build('month', d.year, d.month);
}

/** "2026-10" | "2026-Q3"; empty or missing: the current month. Anything else is invalid input. */
export function parseReportPeriod(key: string | null | undefined, now = new Date()): ReportPeriod {
	if (!key) return currentMonth(now);
	const month = /^(\d{4})-(\d{2})$/.exec(key);
	if (month && +month[2] >= 1 && +month[2] <= 12 && +month[1] >= 2000 && +month[1] <= 2100) return build('month', +month[1], +month[2]);
	const quarter = /^(\d{4})-Q([1-4])$/i.exec(key);
	if (quarter && +quarter[1] >= 2000 && +quarter[1] <= 2100) return build('quarter', +quarter[1], +quarter[2]);
	throw invalid('Not a report period', { period: 'report.period' });
}

/** The period `steps` months or quarters away (negative: earlier). */
export function shiftPeriod(p: ReportPeriod, steps: number): ReportPeriod {
	const perYear = p.kind === 'month' ? 12 : 4;
	const n = p.year * perYear + (p.index - 1) + steps;
	return build(p.kind, Math.floor(n / perYear), (n % perYear) + 1);
}

/** The `count` periods ending with `p`, oldest first (the trend of a report). */
export function trailingPeriods(p: ReportPeriod, count: number): ReportPeriod[] {
	return Array.from({ length: count }, (_, i) => shiftPeriod(p, i - count + 1));
}

/** The quarter a month lies in, and the other way round the first month of a quarter. */
export const toQuarter = (p: ReportPeriod): ReportPeriod =>
	p.kind === 'quarter' ? p : build('quarter', p.year, Math.ceil(p.index / 3));
export const toMonth = (p: ReportPeriod): ReportPeriod => (p.kind === 'month' ? p : build('month', p.year, (p.index - 1) * 3 + 1));

/** What a report page offers to choose from: recent months and quarters, and the periods before and after this one. */
export function periodNavigation(period: ReportPeriod, now = new Date()) {
	const month = currentMonth(now);
	return {
		options: {
			months: trailingPeriods(month, 13).reverse().map((p) => p.key),
			quarters: trailingPeriods(toQuarter(month), 6).reverse().map((p) => p.key)
		},
		previous: shiftPeriod(period, -1).key,
		next: shiftPeriod(period, 1).key
	};
}
