import { describe, expect, it } from 'vitest';
import { actionReminder, reminderPeriod } from './reminder-rules';

describe('actionReminder', () => {
	it('says nothing until three days before the due date', () => {
		expect(actionReminder('2026-03-10', '2026-03-06')).toBeNull();
		expect(actionReminder('2026-03-10', '2026-03-01')).toBeNull();
	});
	it('is due soon from three days before until the due date itself', () => {
		for (const today of ['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']) expect(actionReminder('2026-03-10', today)).toBe('due_soon');
	});
	it('is overdue every day after the due date', () => {
		expect(actionReminder('2026-03-10', '2026-03-11')).toBe('overdue');
		expect(actionReminder('2026-03-10', '2026-04-30')).toBe('overdue');
	});
	it('counts calendar days across the change to summer time', () => {
		// 29 March 2026 has 23 hours in Stockholm
		expect(actionReminder('2026-03-31', '2026-03-27')).toBeNull();
		expect(actionReminder('2026-03-31', '2026-03-28')).toBe('due_soon');
	});
});

describe('reminderPeriod', () => {
	const ended = '2026-03-02T10:00:00.000Z';
	it('is 0 until N days have passed since the meeting ended', () => {
		expect(reminderPeriod(ended, new Date('2026-03-05T09:59:59.000Z'), 3)).toBe(0);
		expect(reminderPeriod(ended, new Date('2026-03-01T00:00:00.000Z'), 3)).toBe(0);
	});
	it('moves to the next period every N days, so each period reminds once', () => {
		expect(reminderPeriod(ended, new Date('2026-03-05T10:00:00.000Z'), 3)).toBe(1);
		expect(reminderPeriod(ended, new Date('2026-03-08T09:00:00.000Z'), 3)).toBe(1);
		expect(reminderPeriod(ended, new Date('2026-03-08T10:00:00.000Z'), 3)).toBe(2);
		expect(reminderPeriod(ended, new Date('2026-03-03T10:00:00.000Z'), 1)).toBe(1);
	});
});
