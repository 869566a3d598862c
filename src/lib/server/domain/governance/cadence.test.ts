import { describe, expect, it } from 'vitest';
import { cadenceStatus } from './cadence';

const now = new Date('2026-06-15T10:00:00Z');
const at = (iso: string) => ({ starts_at: iso });

describe('cadenceStatus', () => {
	it('counts held and planned meetings of the current year only', () => {
		const s = cadenceStatus(
			[at('2025-12-01T09:00:00Z'), at('2026-01-10T09:00:00Z'), at('2026-05-01T09:00:00Z'), at('2026-09-01T09:00:00Z')],
			1,
			12,
			now
		);
		expect(s).toMatchObject({ year: 2026, held: 2, planned: 1, state: 'on_track' });
	});

	it('is behind when held plus planned is below the minimum', () => {
		expect(cadenceStatus([at('2026-01-10T09:00:00Z')], 2, 2, now).state).toBe('behind');
	});

	it('is over when more meetings than the maximum are held or planned', () => {
		const s = cadenceStatus([at('2026-01-10T09:00:00Z'), at('2026-02-10T09:00:00Z'), at('2026-10-10T09:00:00Z')], 1, 2, now);
		expect(s.state).toBe('over');
	});

	it('has no target for forums that meet as needed', () => {
		expect(cadenceStatus([], null, null, now).state).toBe('as_needed');
	});

	it('uses the given time zone to decide the year', () => {
		// 23:30 UTC on New Year's Eve is already 2027 in Stockholm
		const stockholmYear = (d: Date) => Number(d.toLocaleString('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric' }));
		const s = cadenceStatus([at('2026-12-31T23:30:00Z')], 1, 2, new Date('2027-01-02T00:00:00Z'), stockholmYear);
		expect(s).toMatchObject({ year: 2027, held: 1 });
	});
});
