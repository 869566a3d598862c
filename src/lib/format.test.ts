import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('formatBytes', () => {
	it('shows sizes as file managers do (1 kB = 1024 bytes), in Swedish by default', () => {
		expect(formatBytes(820)).toMatch(/^820\sB$/);
		expect(formatBytes(14 * 1024)).toMatch(/^14\skB$/);
		expect(formatBytes(2.4 * 1024 * 1024)).toMatch(/^2,4\sMB$/);
		// the default upload limit reads as the README states it
		expect(formatBytes(25 * 1024 * 1024)).toMatch(/^25\sMB$/);
	});
});

describe('dates in the reader’s language, one formatter each', () => {
	it('a date formatted in Swedish, then in English, then in Swedish again reads in each language (the kept formatters are per language)', async () => {
		const runtime = await import('$lib/paraglide/runtime');
		const original = runtime.getLocale;
		const { formatDate, formatMeetingSpan, toLocalInput } = await import('./format');
		let lang = 'sv';
		runtime.overwriteGetLocale(() => lang as ReturnType<typeof original>);
		try {
			const sv = formatDate('2026-10-05T08:00:00Z');
			expect(sv).toMatch(/okt/);
			lang = 'en';
			expect(formatDate('2026-10-05T08:00:00Z')).toMatch(/Oct/);
			expect(formatMeetingSpan('2026-12-08T08:00:00Z', '2026-12-08T09:30:00Z')).toMatch(/^Tue.*09:00–10:30$/);
			lang = 'sv';
			expect(formatDate('2026-10-05T08:00:00Z')).toBe(sv);
			expect(formatMeetingSpan('2026-12-08T08:00:00Z', '2026-12-08T09:30:00Z')).toMatch(/^tis.*09:00–10:30$/);
			// Stockholm time, summer and winter
			expect(toLocalInput('2026-07-01T10:15:00Z')).toBe('2026-07-01T12:15');
			expect(toLocalInput('2026-12-31T23:30:00Z')).toBe('2027-01-01T00:30');
		} finally {
			runtime.overwriteGetLocale(original);
		}
	});

	it('a calendar month reads as month and year in the reader’s language, whatever the time zone', async () => {
		const runtime = await import('$lib/paraglide/runtime');
		const original = runtime.getLocale;
		const { formatMonth } = await import('./format');
		let lang = 'sv';
		runtime.overwriteGetLocale(() => lang as ReturnType<typeof original>);
		try {
			expect(formatMonth('2025-12')).toMatch(/^dec\.? 2025$/);
			expect(formatMonth('2026-01')).toMatch(/^jan\.? 2026$/);
			lang = 'en';
			expect(formatMonth('2025-12')).toBe('Dec 2025');
		} finally {
			runtime.overwriteGetLocale(original);
		}
	});
});
