/** The OpenAPI description of /api/v1/customers/{id}/kpis; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ManualKpiInput } from '$lib/server/domain/itsm/kpi/kpi.service';
import { FROM_TO_QUERY, KpiReport, ManualKpi } from '$lib/server/http/openapi-itsm';
import { one, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getKpis', 'itsm', 'KPIs of a period with targets and traffic lights', 'The KPI report', one('kpis', KpiReport), {
		description: "A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		query: FROM_TO_QUERY,
		errors: [400, 403]
	}),
	POST: created('enterManualKpi', 'itsm', 'Enter a manual KPI value for a period (supplier staff, or the customer\'s admin)', 'Stored (replaces a value of the same KPI and period)', one('manualKpi', ManualKpi), {
		body: { ManualKpiInput },
		errors: [403]
	})
};
