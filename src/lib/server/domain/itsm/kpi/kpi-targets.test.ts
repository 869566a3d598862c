import { describe, expect, it } from 'vitest';
import { light } from './kpi-targets';

describe('traffic lights', () => {
	const up = { kpi: 'x', target: 0.95, amber: 0.9, higherIsBetter: true };
	const down = { kpi: 'y', target: 0.05, amber: 0.1, higherIsBetter: false };
	it.each([
		[0.95, 'green'],
		[0.94, 'amber'],
		[0.9, 'amber'],
		[0.89, 'red']
	])('higher is better: %d → %s', (v, l) => expect(light(v, up)).toBe(l));
	it.each([
		[0.05, 'green'],
		[0.07, 'amber'],
		[0.11, 'red']
	])('lower is better: %d → %s', (v, l) => expect(light(v, down)).toBe(l));
	it('no value or no target: no light', () => {
		expect(light(null, up)).toBeNull();
		expect(light(1, undefined)).toBeNull();
	});
});
