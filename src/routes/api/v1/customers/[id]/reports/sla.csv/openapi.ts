/** The OpenAPI description of /api/v1/customers/{id}/reports/sla.csv; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CSV_FORMAT, PERIOD_QUERY } from '$lib/server/http/openapi-portal';
import { langQuery } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'exportPortalSlaReportCsv',
		tag: 'portal',
		summary: 'The SLA report as CSV (text/csv)',
		description: CSV_FORMAT,
		query: { ...PERIOD_QUERY, ...langQuery() },
		success: { status: 200, description: 'text/csv attachment' },
		errors: [403]
	}
};
