/** The OpenAPI description of /api/v1/customers/{id}/report-grants; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { ReportGrantInput } from '$lib/server/domain/tenancy/report-grants.service';
import { ReportGrants } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: ok('listReportGrants', 'portal', 'Which reports each member of the customer may see (customer admin, supplier admin)', 'Grants', z.strictObject({ grants: ReportGrants }), {
		errors: [403]
	}),
	PUT: ok('setReportGrants', 'portal', "Replaces the reports one member of the customer may see", 'Grants', z.strictObject({ grants: ReportGrants }), {
		body: { ReportGrantInput },
		errors: [403]
	})
};
