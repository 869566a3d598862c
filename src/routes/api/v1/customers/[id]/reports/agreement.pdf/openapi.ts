/** The OpenAPI description of /api/v1/customers/{id}/reports/agreement.pdf; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { file, langQuery } from '$lib/server/http/openapi-schemas';
import { MONTHS_QUERY } from '../agreement/openapi';

export const openapi: RouteDescription = {
	GET: file('exportPortalAgreementReportPdf', 'agreement', 'The agreement and invoicing report as PDF', 'application/pdf attachment', {
		query: { ...MONTHS_QUERY, ...langQuery() },
		errors: [403]
	})
};
