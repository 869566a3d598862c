/** The OpenAPI description of /api/v1/customers/{id}/reports/agreement; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ReportQuery } from '$lib/server/domain/agreement/follow-up.service';
import { InvoicingReport } from '$lib/server/http/openapi-agreement';
import { ok, one, queryOf } from '$lib/server/http/openapi-schemas';

export const MONTHS_QUERY = queryOf(ReportQuery, { from: 'First month (yyyy-mm); default the previous month', to: 'Last month (yyyy-mm); default from' });

export const openapi: RouteDescription = {
	GET: ok('getPortalAgreementReport', 'agreement', 'Agreement and invoicing: per month and service invoiced against agreed, deviations beyond the tolerance, totals with VAT, 12-month trend', 'The report', one('report', InvoicingReport), {
		description: "Customer admins and supplier staff always; a customer member once granted the agreement report (else 403). Money in öre; VAT 25 % on the net sum, rounded to the öre, halves away from zero.",
		query: MONTHS_QUERY,
		errors: [403]
	})
};
