import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

let formattedAt = Number.NaN;
let formatted = '';

/**
 * Timestamps are stored as ISO-8601 UTC strings: portable and sortable.
 * Formatted once per millisecond: every group commit of live edits asks,
 * and formatting showed in its profile (bench/README.md, session 14).
 */
export const nowIso = (): string => {
	const ms = Date.now();
	if (ms !== formattedAt) {
		formatted = new Date(ms).toISOString();
		formattedAt = ms;
	}
	return formatted;
};
