/** The sample-size rule: a share of fewer tickets than the minimum is not shown as a percentage (issue 14, point 4). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_TICKETS, isTooFewTickets, minTickets, shareOf } from './sample-size';

describe('too few tickets', () => {
	it('defaults to a minimum of 10 tickets', () => {
		expect(DEFAULT_MIN_TICKETS).toBe(10);
		expect(minTickets()).toBe(10);
		expect(isTooFewTickets(9)).toBe(true);
		expect(isTooFewTickets(10)).toBe(false);
		expect(isTooFewTickets(0)).toBe(true);
	});

	it('takes another minimum where one is configured', () => {
		expect(isTooFewTickets(4, 3)).toBe(false);
		expect(isTooFewTickets(2, 3)).toBe(true);
	});

	it('keeps the share and the tickets behind it, and says when they are too few', () => {
		// two tickets, one met: 50 %, which says nothing
		expect(shareOf(1, 2)).toEqual({ value: 0.5, tickets: 2, tooFewTickets: true });
		expect(shareOf(9, 12)).toEqual({ value: 0.75, tickets: 12, tooFewTickets: false });
		expect(shareOf(0, 0)).toEqual({ value: null, tickets: 0, tooFewTickets: true });
	});
});
