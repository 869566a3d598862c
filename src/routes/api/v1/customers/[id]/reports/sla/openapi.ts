/** The OpenAPI description of /api/v1/customers/{id}/reports/sla; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { PERIOD_QUERY, PortalSlaReport } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: ok('getPortalSlaReport', 'portal', 'SLA report of a month or quarter: compliance per priority and metric against target, and the trend', 'The report', z.strictObject({ report: PortalSlaReport }), {
		description: 'Customer admins and supplier staff always; a customer member once granted the report (else 403).',
		query: PERIOD_QUERY,
		errors: [403]
	})
};
