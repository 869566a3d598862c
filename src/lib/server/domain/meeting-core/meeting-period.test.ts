/**
 * The period of a meeting's figures: whole Stockholm days, the last one
 * included, and one label for it in each language (issue 14, point 2).
 */
import { describe, expect, it } from 'vitest';
import { dayPeriod, formatPeriod, periodLabels } from '../itsm/period';
import { readFrozenFigures } from './frozen-figures';
import { meetingPeriod } from './meeting-period';

// the 10 Feb 2026 meeting at 09:00 in Stockholm
const MEETING = '2026-02-10T08:00:00.000Z';

describe('meeting period', () => {
	it('without a previous meeting is the last full month, January, both ends included', () => {
		const p = meetingPeriod(MEETING, null);
		expect(p).toMatchObject({ firstDay: '2026-01-01', lastDay: '2026-01-31', sincePrevious: false });
		// the instants the queries take: Stockholm midnight to Stockholm midnight
		expect(p.from).toBe('2025-12-31T23:00:00.000Z');
		expect(p.to).toBe('2026-01-31T23:00:00.000Z');
		// one label, not "31 dec. 2025 – 31 jan. 2026" on one surface and "1 jan. – 31 jan." on another
		expect(formatPeriod(p, 'sv')).toBe('1 jan. 2026 – 31 jan. 2026');
		expect(formatPeriod(p, 'en')).toBe('1 Jan 2026 – 31 Jan 2026');
	});

	it('since the previous meeting runs from its day up to and including the day before this one', () => {
		const p = meetingPeriod(MEETING, '2026-01-13T08:00:00.000Z');
		expect(p).toMatchObject({ firstDay: '2026-01-13', lastDay: '2026-02-09', sincePrevious: true });
		expect(periodLabels(p)).toEqual({ sv: '13 jan. 2026 – 9 feb. 2026', en: '13 Jan 2026 – 9 Feb 2026' });
	});

	it('takes the Stockholm day, not the UTC one, of meetings near midnight', () => {
		// 00:30 on 10 Feb in Stockholm is still 9 Feb in UTC; 23:30 on 12 Jan is 22:30 UTC
		const p = meetingPeriod('2026-02-09T23:30:00.000Z', '2026-01-12T22:30:00.000Z');
		expect(p).toMatchObject({ firstDay: '2026-01-12', lastDay: '2026-02-09' });
		// summer time: 00:30 on 1 July in Stockholm is 22:30 UTC on 30 June
		expect(meetingPeriod('2026-06-30T22:30:00.000Z', null)).toMatchObject({ firstDay: '2026-06-01', lastDay: '2026-06-30' });
	});

	it('gives consecutive meetings of a forum periods that cover every day exactly once', () => {
		const starts = ['2026-01-13T08:00:00.000Z', '2026-02-10T08:00:00.000Z', '2026-03-10T08:00:00.000Z'];
		const second = meetingPeriod(starts[1], starts[0]);
		const third = meetingPeriod(starts[2], starts[1]);
		expect(second.to).toBe(third.from);
		expect(third).toMatchObject({ firstDay: '2026-02-10', lastDay: '2026-03-09' });
	});

	it('falls back to the last full month when the previous meeting was the same day', () => {
		expect(meetingPeriod(MEETING, '2026-02-10T06:00:00.000Z')).toMatchObject({ firstDay: '2026-01-01', lastDay: '2026-01-31', sincePrevious: false });
	});

	it('refuses a period whose last day comes before its first', () => {
		expect(() => dayPeriod('2026-02-01', '2026-01-31')).toThrow(/Not a period of days/);
		expect(() => dayPeriod('2026-02-30', '2026-03-01')).toThrow(/Not a period of days/);
	});
});

describe('frozen figures', () => {
	it('keep the label they were frozen with', () => {
		const periodLabel = periodLabels({ firstDay: '2026-01-01', lastDay: '2026-01-31' });
		const [f] = readFrozenFigures([{ id: 'kpis', title: 'Nyckeltal', from: '2026-01-01', to: '2026-01-31', periodLabel, columns: [], rows: [] }]);
		expect(f.periodLabel).toEqual({ sv: '1 jan. 2026 – 31 jan. 2026', en: '1 Jan 2026 – 31 Jan 2026' });
	});

	it('frozen by an older release (meeting day as the end, no label) get the same label as the live ones', () => {
		const [f] = readFrozenFigures([{ id: 'kpis', title: 'Nyckeltal', from: '2026-01-13', to: '2026-02-10', columns: [], rows: [] }]);
		expect(f).toMatchObject({ from: '2026-01-13', to: '2026-02-09' });
		expect(f.periodLabel).toEqual(periodLabels(meetingPeriod(MEETING, '2026-01-13T08:00:00.000Z')));
	});
});
