/**
 * Cadence status of a forum: how many meetings a year the governance model
 * asks for, and how many the forum held and has planned this year.
 */
export type CadenceState = 'on_track' | 'behind' | 'over' | 'as_needed';

export interface CadenceStatus {
	year: number;
	held: number;
	planned: number;
	minPerYear: number | null;
	maxPerYear: number | null;
	state: CadenceState;
}

export function cadenceStatus(
	meetings: { starts_at: string }[],
	minPerYear: number | null,
	maxPerYear: number | null,
	now: Date,
	timeZoneYear: (d: Date) => number = (d) => d.getUTCFullYear()
): CadenceStatus {
	const year = timeZoneYear(now);
	let held = 0;
	let planned = 0;
	for (const m of meetings) {
		const start = new Date(m.starts_at);
		if (timeZoneYear(start) !== year) continue;
		if (start <= now) held++;
		else planned++;
	}
	let state: CadenceState = 'on_track';
	if (minPerYear === null && maxPerYear === null) state = 'as_needed';
	else if (minPerYear !== null && held + planned < minPerYear) state = 'behind';
	else if (maxPerYear !== null && held + planned > maxPerYear) state = 'over';
	return { year, held, planned, minPerYear, maxPerYear, state };
}
