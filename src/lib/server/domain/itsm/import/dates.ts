/**
 * Fast date parsing for imports. A 141,712-row log has half a million date
 * cells; luxon's `fromFormat` would spend most of the import there, so the
 * common layouts are matched with regular expressions and wall-clock time is
 * converted to UTC with a per-hour cache of the zone's offset.
 */
import { IANAZone } from 'luxon';

/** Day/month order of numeric dates. ISO-8601 (with or without offset) is always understood. */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const isValidZone = (zone: string): boolean => IANAZone.isValidZone(zone);

const HOUR = 3_600_000;

/** Wall-clock epoch ms (as if UTC) in `zone` → real epoch ms. */
export function zonedClock(zone: string): (localMs: number) => number {
	if (zone === 'UTC' || zone === 'Etc/UTC') return (ms) => ms;
	const z = IANAZone.create(zone);
	const cache = new Map<number, number>();
	const offset = (utcMs: number) => {
		const bucket = Math.floor(utcMs / HOUR);
		let o = cache.get(bucket);
		if (o === undefined) {
			o = z.offset(bucket * HOUR) * 60_000;
			cache.set(bucket, o);
		}
		return o;
	};
	return (local) => {
		const first = local - offset(local);
		return local - offset(first);
	};
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
// maj, okt (Swedish Jira) too
MONTHS.maj = 5;
MONTHS.okt = 10;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
// Jira: 12/Mar/24 3:45 PM
const JIRA = /^(\d{1,2})\/([A-Za-zåäö]{3})\/(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?: ?([AaPp][Mm]))?)?$/;

function wall(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	// 31/2 rolls over into March: not a date
	if (new Date(ms).getUTCDate() !== d) return null;
	return ms;
}

export type DateParser = (value: string) => number | null;

/**
 * A parser for cells of one import: returns epoch ms, or null when the text is
 * not a date in the chosen layout. Times without an offset are in `zone`.
 */
export function dateParser(order: DateOrder, zone: string): DateParser {
	const toUtc = zonedClock(zone);
	const memo = new Map<string, number | null>();
	const parse = (v: string): number | null => {
		let m = ISO.exec(v);
		if (m) {
			const local = wall(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
			if (local === null) return null;
			const frac = m[7] ? Math.round(+`0.${m[7]}` * 1000) : 0;
			if (!m[8]) return toUtc(local) + frac;
			if (m[8] === 'Z') return local + frac;
			const sign = m[8][0] === '-' ? -1 : 1;
			const digits = m[8].slice(1).replace(':', '');
			const off = (+digits.slice(0, 2) * 60 + +(digits.slice(2) || 0)) * 60_000;
			return local - sign * off + frac;
		}
		m = NUMERIC.exec(v);
		if (m && order !== 'ymd') {
			const [a, b] = order === 'dmy' ? [+m[1], +m[2]] : [+m[2], +m[1]];
			const local = wall(+m[3], b, a, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
			return local === null ? null : toUtc(local);
		}
		m = JIRA.exec(v);
		if (m) {
			const month = MONTHS[m[2].toLowerCase()];
			if (!month) return null;
			let hour = +(m[4] ?? 0);
			const ampm = m[6]?.toLowerCase();
			if (ampm) {
				if (hour < 1 || hour > 12) return null;
				hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
			}
			const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
			const local = wall(year, month, +m[1], hour, +(m[5] ?? 0), 0);
			return local === null ? null : toUtc(local);
		}
		return null;
	};
	return (value) => {
		let r = memo.get(value);
		if (r === undefined) {
			r = parse(value.trim());
			if (memo.size < 500_000) memo.set(value, r);
		}
		return r;
	};
}
