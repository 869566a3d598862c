/** The OpenAPI description of /api/v1/customers/{id}/reports/sla/tickets; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { DrillDownQuery } from '$lib/server/domain/portal/sla-portal.service';
import { DRILL, SlaDrillDown } from '$lib/server/http/openapi-portal';
import { queryOf } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getPortalSlaDrillDown',
		tag: 'portal',
		summary: 'The tickets behind one figure of the SLA report',
		query: queryOf(DrillDownQuery, { ...DRILL, limit: 'Page size (default 500)', offset: 'Skip this many' }),
		success: { status: 200, description: 'Tickets', schema: z.strictObject({ drillDown: SlaDrillDown }) },
		errors: [403]
	}
};
