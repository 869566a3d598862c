/**
 * Starting a meeting early: more than an hour before its time the chair must
 * confirm (lifecycle.service.ts refuses otherwise). Shared by the domain, the
 * meeting page and the live room, so that the rule, its refusal and the
 * question the chair is asked cannot drift apart.
 */

/** A meeting started more than this before its time needs an explicit confirmation. */
export const EARLY_START_LIMIT_MS = 60 * 60 * 1000;

/** The domain's refusal (stable English; the pages ask their question when they see it). */
export const EARLY_START_REFUSAL = 'The meeting starts in more than an hour; confirm to start it early';

/** How many minutes before its time a start at `now` would be, when that is more than the limit; else null. */
export function earlyStartMinutes(startsAt: string, now: Date): number | null {
	const early = Date.parse(startsAt) - now.getTime();
	return early > EARLY_START_LIMIT_MS ? Math.round(early / 60_000) : null;
}

/** Minutes as whole days, hours and minutes (the largest two that are not zero), for "how early". */
export function earlyParts(minutes: number): { days: number; hours: number; minutes: number } {
	const days = Math.floor(minutes / 1440);
	const hours = Math.floor((minutes % 1440) / 60);
	return { days, hours, minutes: days > 0 ? 0 : minutes % 60 };
}
