import { describe, expect, it } from 'vitest';
import { isValidZone } from '../import/dates';
import { HOLIDAY_COUNTRIES, SUGGESTED_ZONES } from './sla-settings';
import { SlaSettingsInput } from './sla-settings.service';
import { holidayDates } from './working-time';

describe('what the SLA settings page offers is what the settings accept', () => {
	const base = { timeZone: 'Europe/Stockholm', businessHours: {}, holidays: null, pauseStatuses: [], definitions: [] };

	it('every holiday country offered is accepted and has public holidays; no other country is accepted', () => {
		for (const c of HOLIDAY_COUNTRIES) {
			expect(SlaSettingsInput.safeParse({ ...base, holidays: c }).success, c).toBe(true);
			expect(holidayDates(c, 2026).size, c).toBeGreaterThan(5);
		}
		expect(SlaSettingsInput.safeParse({ ...base, holidays: 'DE' }).success).toBe(false);
	});

	it('every suggested time zone is a known zone the settings accept', () => {
		expect(SUGGESTED_ZONES).toContain('Europe/Stockholm');
		for (const z of SUGGESTED_ZONES) {
			expect(isValidZone(z), z).toBe(true);
			expect(SlaSettingsInput.safeParse({ ...base, timeZone: z }).success, z).toBe(true);
		}
	});
});
