import { afterEach, describe, expect, it, vi } from 'vitest';
import { nowIso } from './ids';

afterEach(() => vi.useRealTimers());

describe('nowIso', () => {
	it('is the clock as ISO-8601 UTC, to the millisecond, whenever it is asked', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2026-12-07T09:30:00.000Z'));
		expect(nowIso()).toBe('2026-12-07T09:30:00.000Z');
		expect(nowIso()).toBe('2026-12-07T09:30:00.000Z');
		vi.setSystemTime(new Date('2026-12-07T09:30:00.001Z'));
		expect(nowIso(), 'a millisecond later').toBe('2026-12-07T09:30:00.001Z');
		vi.setSystemTime(new Date('2025-01-01T00:00:00.000Z'));
		expect(nowIso(), 'a clock set back').toBe('2025-01-01T00:00:00.000Z');
	});
});
