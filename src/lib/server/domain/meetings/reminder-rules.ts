/**
 * When the daily sweep reminds (reminder-sweep.ts): pure functions of the
 * day or the time, so the rules are tested without a database.
 */
import { DateTime } from 'luxon';

/** An action's owner hears "due soon" this many days before its due date (and on it). */
export const DUE_SOON_DAYS = 3;

/** Whole calendar days from `today` to `day` (both YYYY-MM-DD); negative when `day` is past. */
export const daysUntil = (day: string, today: string): number => Math.round(DateTime.fromISO(day, { zone: 'UTC' }).diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days);

/** The calendar day N days from `today` (YYYY-MM-DD). */
export const dayAfter = (today: string, days: number): string => DateTime.fromISO(today, { zone: 'UTC' }).plus({ days }).toISODate()!;

/**
 * What an unfinished action's owner is told on `today` (Stockholm calendar):
 * 'due_soon' from DUE_SOON_DAYS days before its due date until the due date
 * itself, 'overdue' every day after it, else nothing.
 */
export function actionReminder(dueDate: string, today: string, dueSoonDays = DUE_SOON_DAYS): 'due_soon' | 'overdue' | null {
	const left = daysUntil(dueDate, today);
	if (left < 0) return 'overdue';
	return left <= dueSoonDays ? 'due_soon' : null;
}

/**
 * Which reminder period a meeting that ended at `endedAt` is in at `now`,
 * with a reminder every `days` days: 0 before the first is due, then 1, 2, …
 * (one reminder per period, so the key of a period makes it once).
 */
export function reminderPeriod(endedAt: string, now: Date, days: number): number {
	const elapsed = now.getTime() - Date.parse(endedAt);
	if (!Number.isFinite(elapsed) || elapsed < 0 || days < 1) return 0;
	return Math.floor(elapsed / (days * 24 * 3600_000));
}

