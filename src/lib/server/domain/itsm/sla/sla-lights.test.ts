import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, type KpiTarget } from '../kpi/kpi-targets';
import { slaLights } from './sla-lights';
import type { SlaRow } from './sla-report.service';

const row = (priority: number, compliance: number | null, tooFewTickets = false): SlaRow => ({
	priority,
	targetMinutes: 60,
	calendar: 'business',
	met: 0,
	breached: 0,
	compliance,
	tickets: 100,
	tooFewTickets
});

describe('slaLights: one rule for the portal and the SLA page', () => {
	const sla = {
		response: [row(1, 0.97), row(2, 0.92), row(3, 0.5), row(4, null), row(5, 0.99, true)],
		resolution: [row(1, 0.95), row(2, 0.899), row(3, 0.9), row(4, 1), row(5, 0.1, true)],
		total: { response: row(0, 0.91), resolution: row(0, 0.2, true) }
	};

	it('green at or above the target, amber at or above the amber limit, red below; none without a figure or with too few tickets', () => {
		expect(slaLights(sla, DEFAULT_TARGETS)).toEqual({
			response: ['green', 'amber', 'red', null, null],
			resolution: ['green', 'red', 'amber', 'green', null],
			total: { response: 'amber', resolution: null }
		});
	});

	it("uses the customer's own SLA targets, response and resolution separately", () => {
		const own: KpiTarget[] = [
			{ kpi: 'sla_response', target: 0.5, amber: 0.4, higherIsBetter: true },
			{ kpi: 'sla_resolution', target: 0.99, amber: 0.98, higherIsBetter: true }
		];
		const lights = slaLights(sla, own);
		expect(lights.response.slice(0, 3)).toEqual(['green', 'green', 'green']);
		expect(lights.resolution.slice(0, 4)).toEqual(['red', 'red', 'red', 'green']);
	});

	it('no target for a metric: no lights for it', () => {
		const lights = slaLights(sla, DEFAULT_TARGETS.filter((t) => t.kpi !== 'sla_resolution'));
		expect(lights.resolution).toEqual([null, null, null, null, null]);
		expect(lights.total.resolution).toBeNull();
		expect(lights.total.response).toBe('amber');
	});
});
