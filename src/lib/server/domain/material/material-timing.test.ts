import { describe, expect, it } from 'vitest';
import { materialTiming } from './material-timing';

const START = '2026-12-20T09:00:00.000Z';

describe('materialTiming', () => {
	it('says no material yet, and whether the deadline has passed', () => {
		expect(materialTiming(START, 5, [], new Date('2026-12-10T00:00:00Z'))).toMatchObject({ state: 'none', overdue: false, deadline: '2026-12-15T09:00:00.000Z' });
		expect(materialTiming(START, 5, [], new Date('2026-12-16T00:00:00Z'))).toMatchObject({ state: 'none', overdue: true });
		expect(materialTiming(START, null, [], new Date('2026-12-19T00:00:00Z'))).toMatchObject({ state: 'none', overdue: false, deadline: null });
	});

	it('is in time when every first version came by the deadline, to the millisecond', () => {
		expect(materialTiming(START, 5, ['2026-12-01T00:00:00Z', '2026-12-15T09:00:00.000Z'])).toMatchObject({ state: 'in_time', daysLate: 0 });
	});

	it('counts the days late of the latest first version, rounded up', () => {
		expect(materialTiming(START, 5, ['2026-12-01T00:00:00Z', '2026-12-15T09:00:00.001Z'])).toMatchObject({ state: 'late', daysLate: 1 });
		expect(materialTiming(START, 5, ['2026-12-18T10:00:00Z'])).toMatchObject({ state: 'late', daysLate: 4 });
	});

	it('has no verdict without a rule', () => {
		expect(materialTiming(START, null, ['2026-12-19T10:00:00Z'])).toMatchObject({ state: 'no_rule', daysLate: 0 });
	});
});
