/** Dates and times are shown in Stockholm time in the user's language. */
import { locale } from './i18n';

const ZONE = 'Europe/Stockholm';
const tag = () => (locale() === 'en' ? 'en-GB' : 'sv-SE');

export const formatDate = (iso: string) =>
	new Intl.DateTimeFormat(tag(), { timeZone: ZONE, dateStyle: 'medium' }).format(new Date(iso));

export const formatDateTime = (iso: string) =>
	new Intl.DateTimeFormat(tag(), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export const formatTime = (iso: string) =>
	new Intl.DateTimeFormat(tag(), { timeZone: ZONE, timeStyle: 'short' }).format(new Date(iso));

/** "tis 8 dec. 09:00–10:30" */
export function formatMeetingSpan(startIso: string, endIso: string): string {
	const day = new Intl.DateTimeFormat(tag(), { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(startIso));
	return `${day} ${formatTime(startIso)}–${formatTime(endIso)}`;
}

/** Value for <input type="datetime-local"> in Stockholm time. */
export function toLocalInput(iso: string): string {
	const parts = new Intl.DateTimeFormat('sv-SE', {
		timeZone: ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(new Date(iso));
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
