/** Dates and times are shown in Stockholm time in the user's language. */
import { locale } from './i18n';

const ZONE = 'Europe/Stockholm';
const tag = () => (locale() === 'en' ? 'en-GB' : 'sv-SE');

/**
 * One formatter per language and options: making an Intl.DateTimeFormat costs
 * far more than using one, and a page of meetings formats hundreds of dates
 * (a tenth of the home page's server time went to making them).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${language} ${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(language, options);
		formats.set(key, format);
	}
	return format;
}

export const formatDate = (iso: string) => dateFormat(tag(), { timeZone: ZONE, dateStyle: 'medium' }).format(new Date(iso));

export const formatDateTime = (iso: string) => dateFormat(tag(), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A calendar month ("2025-12") as "dec. 2025" / "Dec 2025", in the reader's language or the one given (an export's). */
export const formatMonth = (month: string, language: 'sv' | 'en' = locale() === 'en' ? 'en' : 'sv') => dateFormat(language === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));

export const formatTime = (iso: string) => dateFormat(tag(), { timeZone: ZONE, timeStyle: 'short' }).format(new Date(iso));

/** "tis 8 dec. 09:00–10:30" */
export function formatMeetingSpan(startIso: string, endIso: string): string {
	const day = dateFormat(tag(), { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(startIso));
	return `${day} ${formatTime(startIso)}–${formatTime(endIso)}`;
}

const LOCAL_INPUT: Intl.DateTimeFormatOptions = { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** Value for <input type="datetime-local"> in Stockholm time. */
export function toLocalInput(iso: string): string {
	const parts = dateFormat('sv-SE', LOCAL_INPUT).formatToParts(new Date(iso));
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The calendar date (YYYY-MM-DD) in Stockholm of an instant: "today", a meeting's day. */
export const stockholmDay = (iso: string): string => toLocalInput(iso).slice(0, 10);

/** A file size as file managers show it (1 kB = 1024 bytes): "820 B", "14 kB", "2,4 MB" (Swedish decimal comma). */
export function formatBytes(bytes: number): string {
	const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
	return new Intl.NumberFormat(tag(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 }).format(value);
}
