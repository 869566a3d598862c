/**
 * KPI targets with green/amber/red thresholds. Green: at or better than the
 * target; amber: at or better than the amber limit; red: worse. The defaults
 * apply until a customer has its own.
 */
import { light as lightOf, type Light } from '$lib/itsm-light';

export type { Light };

export interface KpiTarget {
	kpi: string;
	target: number;
	amber: number;
	higherIsBetter: boolean;
}

export const DEFAULT_TARGETS: KpiTarget[] = [
	{ kpi: 'sla_response', target: 0.95, amber: 0.9, higherIsBetter: true },
	{ kpi: 'sla_resolution', target: 0.95, amber: 0.9, higherIsBetter: true },
	{ kpi: 'reopen_rate', target: 0.05, amber: 0.1, higherIsBetter: false },
	{ kpi: 'first_contact_resolution', target: 0.7, amber: 0.6, higherIsBetter: true },
	{ kpi: 'change_success_rate', target: 0.95, amber: 0.9, higherIsBetter: true },
	{ kpi: 'change_emergency_share', target: 0.05, amber: 0.1, higherIsBetter: false },
	{ kpi: 'satisfaction', target: 4, amber: 3.5, higherIsBetter: true },
	{ kpi: 'mttr_p1_hours', target: 4, amber: 8, higherIsBetter: false },
	{ kpi: 'mttr_p2_hours', target: 24, amber: 48, higherIsBetter: false }
];

export const light = (value: number | null, t: KpiTarget | undefined): Light | null => (t ? lightOf(value, t) : null);
