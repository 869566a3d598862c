/** The OpenAPI description of /api/v1/customers/{id}/reports/agreement.csv; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CSV_FORMAT } from '$lib/server/http/openapi-portal';
import { file, langQuery } from '$lib/server/http/openapi-schemas';
import { MONTHS_QUERY } from '../agreement/openapi';

export const openapi: RouteDescription = {
	GET: file('exportPortalAgreementReportCsv', 'agreement', 'The agreement and invoicing report as CSV (text/csv), amounts in kronor', 'text/csv attachment', {
		description: CSV_FORMAT,
		query: { ...MONTHS_QUERY, ...langQuery() },
		errors: [403]
	})
};
