/** The OpenAPI description of /api/v1/customers/{id}/kpi-targets; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { KpiTargetsInput } from '$lib/server/domain/itsm/kpi/kpi-targets.service';
import { KpiTarget } from '$lib/server/http/openapi-itsm';
import { list, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getKpiTargets', 'itsm', "The customer's KPI targets (the customer's own, then defaults)", 'Targets', list('targets', KpiTarget), {
		description: "Green at or better than target, amber at or better than amber, red beyond. A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		errors: [403]
	}),
	PUT: ok('setKpiTargets', 'itsm', "Replace the customer's own KPI targets (supplier admin)", 'Targets now in force', list('targets', KpiTarget), {
		body: { KpiTargetsInput },
		errors: [403]
	})
};
