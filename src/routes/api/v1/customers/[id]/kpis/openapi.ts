/** The OpenAPI description of /api/v1/customers/{id}/kpis; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ManualKpiInput } from '$lib/server/domain/itsm/kpi/kpi.service';
import { FROM_TO_QUERY, KpiReport, ManualKpi } from '$lib/server/http/openapi-itsm';
import { one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getKpis',
		tag: 'itsm',
		summary: 'KPIs of a period with targets and traffic lights',
		description: "A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		query: FROM_TO_QUERY,
		success: { status: 200, description: 'The KPI report', schema: one('kpis', KpiReport) },
		errors: [400, 403]
	},
	POST: {
		operationId: 'enterManualKpi',
		tag: 'itsm',
		summary: 'Enter a manual KPI value for a period (supplier staff, or the customer\'s admin)',
		body: { ManualKpiInput },
		success: { status: 201, description: 'Stored (replaces a value of the same KPI and period)', schema: one('manualKpi', ManualKpi) },
		errors: [403]
	}
};
