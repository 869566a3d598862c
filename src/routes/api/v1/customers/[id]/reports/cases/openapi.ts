/** The OpenAPI description of /api/v1/customers/{id}/reports/cases; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { ITSM_OUTPUT_SCHEMAS } from '$lib/server/http/openapi-itsm';
import { PERIOD_QUERY, ReportPeriod } from '$lib/server/http/openapi-portal';

export const openapi: RouteDescription = {
	GET: ok('getPortalCasesReport', 'portal', 'Case handling of a month or quarter: KPI report (without the SLA figures, which are the SLA report\'s), new tickets by category, channel and priority, changes by outcome, trend', 'The report', z.strictObject({ report: z.looseObject({ period: ReportPeriod, kpi: ITSM_OUTPUT_SCHEMAS.KpiReport.omit({ sla: true }) }) }), {
		query: PERIOD_QUERY,
		errors: [403]
	})
};
