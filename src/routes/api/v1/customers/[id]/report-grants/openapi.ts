/** The OpenAPI description of /api/v1/customers/{id}/report-grants; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ReportGrantInput } from '$lib/server/domain/tenancy/report-grants.service';
import { ReportGrants } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listReportGrants',
		tag: 'portal',
		summary: 'Which reports each member of the customer may see (customer admin, supplier admin)',
		success: { status: 200, description: 'Grants', schema: z.strictObject({ grants: ReportGrants }) },
		errors: [403]
	},
	PUT: {
		operationId: 'setReportGrants',
		tag: 'portal',
		summary: "Replaces the reports one member of the customer may see",
		body: { ReportGrantInput },
		success: { status: 200, description: 'Grants', schema: z.strictObject({ grants: ReportGrants }) },
		errors: [403]
	}
};
