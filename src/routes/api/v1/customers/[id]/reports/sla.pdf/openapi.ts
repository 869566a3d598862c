/** The OpenAPI description of /api/v1/customers/{id}/reports/sla.pdf; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PERIOD_QUERY } from '$lib/server/http/openapi-portal';
import { langQuery, file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('exportPortalSlaReportPdf', 'portal', 'The SLA report as PDF (application/pdf): tables per metric and the trend', 'application/pdf attachment', {
		query: { ...PERIOD_QUERY, ...langQuery("Language of the file; default the reader's") },
		errors: [403]
	})
};
