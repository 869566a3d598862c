/** The OpenAPI description of /api/v1/customers/{id}/reports/sla; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { PERIOD_QUERY, PortalSlaReport } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getPortalSlaReport',
		tag: 'portal',
		summary: 'SLA report of a month or quarter: compliance per priority and metric against target, and the trend',
		description: 'Customer admins and supplier staff always; a customer member once granted the report (else 403).',
		query: PERIOD_QUERY,
		success: { status: 200, description: 'The report', schema: z.strictObject({ report: PortalSlaReport }) },
		errors: [403]
	}
};
