import { DateTime } from 'luxon';
import { invalid } from './errors';

/** Meetings happen in Sweden; wall-clock input without an offset is Stockholm time. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

export const yearIn = (zone: string) => (d: Date) => DateTime.fromJSDate(d, { zone }).year;

/** Parses ISO-8601 with or without offset (then in `zone`) to a UTC ISO string. */
export function toUtcIso(value: string, field: string, zone = DEFAULT_TIME_ZONE): string {
	const dt = DateTime.fromISO(value, { zone, setZone: false });
	if (!dt.isValid) throw invalid(`${field} is not a valid date and time`, { [field]: 'field.datetime' });
	return dt.toUTC().toISO({ suppressMilliseconds: true })!;
}
