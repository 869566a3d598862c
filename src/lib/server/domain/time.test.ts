import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { toUtcIso, yearIn } from './time';

describe('toUtcIso', () => {
	it('reads wall-clock time without an offset as Stockholm time (summer: UTC+2)', () => {
		expect(toUtcIso('2026-06-15T09:00', 'startsAt')).toBe('2026-06-15T07:00:00Z');
	});

	it('reads wall-clock time without an offset as Stockholm time (winter: UTC+1)', () => {
		expect(toUtcIso('2026-01-15T09:00:00', 'startsAt')).toBe('2026-01-15T08:00:00Z');
	});

	it('keeps an explicit offset', () => {
		expect(toUtcIso('2026-06-15T09:00:00+00:00', 'startsAt')).toBe('2026-06-15T09:00:00Z');
		expect(toUtcIso('2026-06-15T09:00:00-05:00', 'startsAt')).toBe('2026-06-15T14:00:00Z');
	});

	it('handles the night the clocks go forward (02:30 does not exist in Stockholm on 29 March 2026)', () => {
		expect(toUtcIso('2026-03-29T01:30', 'startsAt')).toBe('2026-03-29T00:30:00Z');
		// a non-existent local time is moved forward by the gap: still a valid instant
		expect(toUtcIso('2026-03-29T02:30', 'startsAt')).toBe('2026-03-29T01:30:00Z');
		expect(toUtcIso('2026-03-29T03:30', 'startsAt')).toBe('2026-03-29T01:30:00Z');
	});

	it('uses another zone when asked', () => {
		expect(toUtcIso('2026-06-15T09:00', 'startsAt', 'America/New_York')).toBe('2026-06-15T13:00:00Z');
	});

	it('rejects what is not a date and time, naming the field', () => {
		for (const bad of ['tomorrow', '2026-13-01T10:00', '2026-02-30T10:00', '']) {
			let err: unknown;
			try {
				toUtcIso(bad, 'endsAt');
			} catch (e) {
				err = e;
			}
			expect(err, bad).toBeInstanceOf(DomainError);
			expect((err as DomainError).fields).toEqual({ endsAt: 'Not a valid date and time' });
		}
	});
});

describe('yearIn', () => {
	it('decides the year in the given zone', () => {
		const newYearsEveUtc = new Date('2026-12-31T23:30:00Z');
		expect(yearIn('Europe/Stockholm')(newYearsEveUtc)).toBe(2027);
		expect(yearIn('UTC')(newYearsEveUtc)).toBe(2026);
	});
});
