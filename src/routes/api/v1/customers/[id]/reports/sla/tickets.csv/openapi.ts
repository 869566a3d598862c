/** The OpenAPI description of /api/v1/customers/{id}/reports/sla/tickets.csv; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { DrillDownQuery } from '$lib/server/domain/portal/sla-portal.service';
import { CSV_FORMAT, DRILL } from '$lib/server/http/openapi-portal';
import { langQuery, queryOf, file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('exportPortalSlaDrillDownCsv', 'portal', 'The tickets behind one figure as CSV (text/csv, at most 5000)', 'text/csv attachment', {
		description: CSV_FORMAT,
		// the file holds at most 5000 tickets: no paging
		query: { ...queryOf(DrillDownQuery.omit({ limit: true, offset: true }), DRILL), ...langQuery() },
		errors: [403]
	})
};
