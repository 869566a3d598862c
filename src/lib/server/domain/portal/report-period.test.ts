import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayPeriod } from '../itsm/period';
import { DEFAULT_TIME_ZONE } from '../time';
import { parseReportPeriod, shiftPeriod, trailingPeriods } from './report-period';

/** The definitions as luxon states them, without the kept answers */
const luxonPeriod = (firstDay: string, lastDay: string) => ({
	from: DateTime.fromISO(firstDay, { zone: DEFAULT_TIME_ZONE }).toUTC().toISO(),
	to: DateTime.fromISO(lastDay, { zone: DEFAULT_TIME_ZONE }).plus({ days: 1 }).toUTC().toISO()
});

describe('periods of days, kept per day', () => {
	it('every day of a year (both summer-time changes) begins where luxon says, asked twice', () => {
		for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
			for (let round = 0; round < 2; round++) expect(dayPeriod(day, day)).toEqual({ firstDay: day, lastDay: day, ...luxonPeriod(day, day) });
		}
		expect(dayPeriod('2026-03-01', '2026-03-31')).toEqual({ firstDay: '2026-03-01', lastDay: '2026-03-31', from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
	});

	it('the day of an instant is Stockholm’s, asked twice', () => {
		for (let round = 0; round < 2; round++) {
			expect(dayOf('2026-03-28T23:30:00.000Z')).toBe('2026-03-29');
			expect(dayOf('2026-10-24T21:59:00.000Z')).toBe('2026-10-24');
			expect(dayOf('2026-10-24T22:00:00.000Z')).toBe('2026-10-25');
		}
	});

	it('a day that does not exist or a period that ends before it begins is refused, also after a valid day was kept', () => {
		dayPeriod('2026-02-28', '2026-02-28');
		for (const [a, b] of [['2026-02-30', '2026-03-01'], ['2026-02-28', '2026-02-30'], ['2026-03-02', '2026-03-01'], ['2026-3-1', '2026-03-01']]) {
			expect(() => dayPeriod(a, b)).toThrow(/Not a period of days/);
		}
	});
});

describe('report periods', () => {
	it('moving by months and quarters crosses years as luxon does', () => {
		const may = parseReportPeriod('2026-05');
		expect(shiftPeriod(may, -5).key).toBe('2025-12');
		expect(shiftPeriod(may, 8).key).toBe('2027-01');
		expect(shiftPeriod(may, -17).key).toBe('2024-12');
		const q1 = parseReportPeriod('2026-Q1');
		expect(shiftPeriod(q1, -1).key).toBe('2025-Q4');
		expect(shiftPeriod(q1, 4).key).toBe('2027-Q1');
		expect(trailingPeriods(parseReportPeriod('2026-02'), 13).map((p) => p.key)).toEqual(
			Array.from({ length: 13 }, (_, i) => DateTime.fromObject({ year: 2025, month: 2 }).plus({ months: i }).toFormat('yyyy-MM'))
		);
		const october = parseReportPeriod('2026-10');
		expect(october).toMatchObject({ firstDay: '2026-10-01', lastDay: '2026-10-31', ...luxonPeriod('2026-10-01', '2026-10-31') });
	});

	it('a caller changing its period does not change the next caller’s', () => {
		const first = parseReportPeriod('2026-06');
		first.key = 'changed';
		first.from = 'changed';
		expect(parseReportPeriod('2026-06')).toMatchObject({ key: '2026-06', from: '2026-05-31T22:00:00.000Z' });
	});
});
