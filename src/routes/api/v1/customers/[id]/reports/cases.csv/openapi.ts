/** The OpenAPI description of /api/v1/customers/{id}/reports/cases.csv; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CSV_FORMAT, PERIOD_QUERY } from '$lib/server/http/openapi-portal';
import { langQuery, file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('exportPortalCasesReportCsv', 'portal', 'The case-handling report as CSV (one row per table, key and measure)', 'text/csv attachment', {
		description: CSV_FORMAT,
		query: { ...PERIOD_QUERY, ...langQuery() },
		errors: [403]
	})
};
