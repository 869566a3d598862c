/** The OpenAPI description of /api/v1/customers/{id}/reports/sla/tickets.csv; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CSV, DRILL } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'exportPortalSlaDrillDownCsv',
		tag: 'portal',
		summary: 'The tickets behind one figure as CSV (text/csv, at most 5000)',
		description: CSV,
		query: DRILL,
		success: { status: 200, description: 'text/csv attachment' },
		errors: [403]
	}
};
