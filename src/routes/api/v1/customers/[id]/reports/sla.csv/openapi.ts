/** The OpenAPI description of /api/v1/customers/{id}/reports/sla.csv; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CSV_FORMAT, PERIOD_QUERY } from '$lib/server/http/openapi-portal';
import { langQuery, file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('exportPortalSlaReportCsv', 'portal', 'The SLA report as CSV (text/csv)', 'text/csv attachment', {
		description: CSV_FORMAT,
		query: { ...PERIOD_QUERY, ...langQuery() },
		errors: [403]
	})
};
