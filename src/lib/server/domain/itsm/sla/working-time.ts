/**
 * Working-time arithmetic for SLA clocks: business hours per weekday in a time
 * zone (DST handled by luxon), minus public holidays, or 24×7.
 *
 * The working intervals of whole years are laid out once as epoch-millisecond
 * arrays with cumulative sums, so "working time between a and b" and "the
 * moment when n working ms have passed" are binary searches. That keeps the
 * SLA computation of a 25,000-ticket import to a fraction of a second.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { zonedClock } from '../import/dates';

/** ISO weekday (1 = Monday … 7 = Sunday) → [start, end) in minutes after local midnight, or null for closed. */
export type BusinessHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, [number, number] | null>>;

export interface CalendarSpec {
	zone: string;
	/** '24x7' ignores zone and holidays */
	hours: BusinessHours | '24x7';
	/** date-holidays country code (SE) or null */
	holidays: string | null;
}

/** Mon–Fri 08:00–17:00. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { 1: [480, 1020], 2: [480, 1020], 3: [480, 1020], 4: [480, 1020], 5: [480, 1020] };

/**
 * Holiday types that close a Swedish office: `public` (röda dagar) and `bank`
 * (midsommarafton, julafton, nyårsafton — de facto days off, not in law).
 */
const CLOSED_TYPES = new Set(['public', 'bank']);

const holidayCache = new Map<string, Set<string>>();
// building a Holidays object costs ~25 ms: one per country
const holidayObjects = new Map<string, Holidays>();
// the holiday rules of every country hold ~8 MiB: loaded with the first SLA clock, not when the server starts
let HolidaysOf: typeof Holidays | undefined;
const holidaysClass = (): typeof Holidays => (HolidaysOf ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays);

/** Local dates (yyyy-MM-dd) that are holidays in `country` in `year`. */
export function holidayDates(country: string, year: number): Set<string> {
	const key = `${country}:${year}`;
	let set = holidayCache.get(key);
	if (!set) {
		let hd = holidayObjects.get(country);
		if (!hd) {
			hd = new (holidaysClass())(country);
			holidayObjects.set(country, hd);
		}
		set = new Set(
			(hd.getHolidays(year) || []).filter((h) => CLOSED_TYPES.has(h.type)).map((h) => h.date.slice(0, 10))
		);
		holidayCache.set(key, set);
	}
	return set;
}

export interface WorkCalendar {
	/** working milliseconds in [a, b) */
	worked(a: number, b: number): number;
	/** the earliest moment t ≥ a with worked(a, t) = ms */
	addWorking(a: number, ms: number): number;
}

export const ALWAYS: WorkCalendar = {
	worked: (a, b) => Math.max(0, b - a),
	addWorking: (a, ms) => a + ms
};

class BusinessCalendar implements WorkCalendar {
	private fromYear = 0;
	private toYear = -1;
	private starts: number[] = [];
	private ends: number[] = [];
	/** cum[i] = working ms in all intervals before i */
	private cum: number[] = [];

	constructor(private readonly spec: CalendarSpec & { hours: BusinessHours }) {}

	private yearOf(ms: number): number {
		return new Date(ms).getUTCFullYear();
	}

	/** Lays out intervals for every year from..to (with a year of margin for zone offsets). */
	private ensure(ms: number): void {
		if (!Number.isFinite(ms)) return;
		const y = this.yearOf(ms);
		if (y > this.fromYear && y < this.toYear) return;
		const from = this.toYear < this.fromYear ? y - 1 : Math.min(this.fromYear, y - 1);
		const to = Math.max(this.toYear, y + 1);
		this.build(from, to);
	}

	/**
	 * Plain date arithmetic per day (luxon costs ~0.5 ms a day here); wall-clock
	 * times become instants through the zone's cached offsets, DST included.
	 */
	private build(fromYear: number, toYear: number): void {
		const { hours, holidays } = this.spec;
		const toUtc = zonedClock(this.spec.zone);
		const starts: number[] = [];
		const ends: number[] = [];
		const DAY = 86_400_000;
		for (let year = fromYear; year <= toYear; year++) {
			const closed = holidays ? holidayDates(holidays, year) : new Set<string>();
			for (let day = Date.UTC(year, 0, 1); new Date(day).getUTCFullYear() === year; day += DAY) {
				const weekday = (((new Date(day).getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
				const h = hours[weekday];
				if (!h || h[1] <= h[0] || closed.has(new Date(day).toISOString().slice(0, 10))) continue;
				starts.push(toUtc(day + h[0] * 60_000));
				ends.push(toUtc(day + h[1] * 60_000));
			}
		}
		const cum = new Array<number>(starts.length + 1);
		cum[0] = 0;
		for (let i = 0; i < starts.length; i++) cum[i + 1] = cum[i] + (ends[i] - starts[i]);
		this.fromYear = fromYear;
		this.toYear = toYear;
		this.starts = starts;
		this.ends = ends;
		this.cum = cum;
	}

	/** Working ms from the start of the laid-out range up to t. */
	private W(t: number): number {
		// first interval whose end is after t
		let lo = 0;
		let hi = this.ends.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.ends[mid] <= t) lo = mid + 1;
			else hi = mid;
		}
		if (lo === this.ends.length) return this.cum[lo];
		return this.cum[lo] + Math.max(0, t - this.starts[lo]);
	}

	worked(a: number, b: number): number {
		if (b <= a) return 0;
		this.ensure(a);
		this.ensure(b);
		return this.W(b) - this.W(a);
	}

	addWorking(a: number, ms: number): number {
		this.ensure(a);
		let target = this.W(a) + ms;
		// extend the layout until it holds the target (long targets over holidays)
		while (target > this.cum[this.cum.length - 1]) {
			this.build(this.fromYear, this.toYear + 1);
			target = this.W(a) + ms;
		}
		if (ms <= 0) return a;
		// first interval i with cum[i+1] >= target
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.cum[mid + 1] >= target) hi = mid;
			else lo = mid + 1;
		}
		return this.starts[lo] + (target - this.cum[lo]);
	}
}

const calendarCache = new Map<string, WorkCalendar>();

/** One calendar per spec, cached: laying out a year costs a few milliseconds. */
export function workCalendar(spec: CalendarSpec): WorkCalendar {
	if (spec.hours === '24x7') return ALWAYS;
	const key = JSON.stringify(spec);
	let cal = calendarCache.get(key);
	if (!cal) {
		cal = new BusinessCalendar(spec as CalendarSpec & { hours: BusinessHours });
		calendarCache.set(key, cal);
	}
	return cal;
}
