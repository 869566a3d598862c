/** The OpenAPI description of /api/v1/customers/{id}/reports/sla/tickets; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { DRILL, SlaDrillDown } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getPortalSlaDrillDown',
		tag: 'portal',
		summary: 'The tickets behind one figure of the SLA report',
		query: {
			...DRILL,
			limit: { schema: z.int().min(1).max(5000), description: 'Page size (default 500)' },
			offset: { schema: z.int().min(0), description: 'Skip this many' }
		},
		success: { status: 200, description: 'Tickets', schema: z.strictObject({ drillDown: SlaDrillDown }) },
		errors: [403]
	}
};
