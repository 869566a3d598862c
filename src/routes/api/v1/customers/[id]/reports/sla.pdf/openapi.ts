/** The OpenAPI description of /api/v1/customers/{id}/reports/sla.pdf; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PERIOD_QUERY } from '$lib/server/http/openapi-portal';
import { langQuery } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'exportPortalSlaReportPdf',
		tag: 'portal',
		summary: 'The SLA report as PDF (application/pdf): tables per metric and the trend',
		query: { ...PERIOD_QUERY, ...langQuery("Language of the file; default the reader's") },
		success: { status: 200, description: 'application/pdf attachment' },
		errors: [403]
	}
};
