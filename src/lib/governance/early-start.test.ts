import { describe, expect, it } from 'vitest';
import { earlyParts, earlyStartMinutes } from './early-start';

const startsAt = '2026-12-10T09:00:00.000Z';

describe('earlyStartMinutes', () => {
	it('asks nothing up to an hour before the time, or after it', () => {
		expect(earlyStartMinutes(startsAt, new Date('2026-12-10T08:00:00.000Z'))).toBeNull();
		expect(earlyStartMinutes(startsAt, new Date('2026-12-10T08:30:00.000Z'))).toBeNull();
		expect(earlyStartMinutes(startsAt, new Date('2026-12-10T11:00:00.000Z'))).toBeNull();
	});

	it('names how early a start more than an hour ahead is, in minutes', () => {
		expect(earlyStartMinutes(startsAt, new Date('2026-12-10T07:59:00.000Z'))).toBe(61);
		expect(earlyStartMinutes(startsAt, new Date('2026-12-07T07:00:00.000Z'))).toBe(3 * 1440 + 120);
	});
});

describe('earlyParts', () => {
	it('gives days and hours when a day or more, else hours and minutes', () => {
		expect(earlyParts(3 * 1440 + 125)).toEqual({ days: 3, hours: 2, minutes: 0 });
		expect(earlyParts(61)).toEqual({ days: 0, hours: 1, minutes: 1 });
	});
});
