/**
 * The traffic lights of an SLA report: each priority row and the total of
 * response and resolution against the customer's SLA targets (the KPIs
 * sla_response and sla_resolution). A share of too few tickets gets no light,
 * it is not shown at all. The portal's SLA report and the customer's SLA page
 * both take their lights from here.
 */
import { light, type KpiTarget, type Light } from '../kpi/kpi-targets';
import type { SlaReport, SlaRow } from './sla-report.service';

export interface SlaLights {
	response: (Light | null)[];
	resolution: (Light | null)[];
	total: { response: Light | null; resolution: Light | null };
}

export function slaLights(sla: Pick<SlaReport, 'response' | 'resolution' | 'total'>, targets: readonly KpiTarget[]): SlaLights {
	const resp = targets.find((t) => t.kpi === 'sla_response');
	const res = targets.find((t) => t.kpi === 'sla_resolution');
	const lit = (row: SlaRow, target: KpiTarget | undefined) => (row.tooFewTickets ? null : light(row.compliance, target));
	return {
		response: sla.response.map((r) => lit(r, resp)),
		resolution: sla.resolution.map((r) => lit(r, res)),
		total: { response: lit(sla.total.response, resp), resolution: lit(sla.total.resolution, res) }
	};
}
