/** The OpenAPI description of /api/v1/customers/{id}/kpi-targets; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { KpiTargetsInput } from '$lib/server/domain/itsm/kpi/kpi-targets.service';
import { KpiTarget } from '$lib/server/http/openapi-itsm';
import { list } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getKpiTargets',
		tag: 'itsm',
		summary: "The customer's KPI targets (the customer's own, then defaults)",
		description: "Green at or better than target, amber at or better than amber, red beyond. A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		success: { status: 200, description: 'Targets', schema: list('targets', KpiTarget) },
		errors: [403]
	},
	PUT: {
		operationId: 'setKpiTargets',
		tag: 'itsm',
		summary: "Replace the customer's own KPI targets (supplier admin)",
		body: { KpiTargetsInput },
		success: { status: 200, description: 'Targets now in force', schema: list('targets', KpiTarget) },
		errors: [403]
	}
};
