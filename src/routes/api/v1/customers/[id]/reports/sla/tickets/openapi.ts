/** The OpenAPI description of /api/v1/customers/{id}/reports/sla/tickets; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { DrillDownQuery } from '$lib/server/domain/portal/sla-portal.service';
import { DRILL, SlaDrillDown } from '$lib/server/http/openapi-portal';
import { queryOf, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getPortalSlaDrillDown', 'portal', 'The tickets behind one figure of the SLA report', 'Tickets', z.strictObject({ drillDown: SlaDrillDown }), {
		query: queryOf(DrillDownQuery, { ...DRILL, limit: 'Page size (default 500)', offset: 'Skip this many' }),
		errors: [403]
	})
};
