/** The OpenAPI description of /api/v1/customers/{id}/sla; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { FROM_TO_QUERY, SlaReport } from '$lib/server/http/openapi-itsm';
import { one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getSla', 'itsm', 'SLA compliance per metric and priority, with the source system\'s own flag beside it', 'The SLA report', one('sla', SlaReport), {
		description:
			"met ÷ (met + breached); a ticket counts in the period in which it was met or breached. In-flight tickets already breached count as breached; cancelled ones are excluded. A customer member needs the SLA report granted by the customer's admin (403 without it); API tokens go by their scope tickets:read.",
		query: FROM_TO_QUERY,
		errors: [400, 403]
	})
};
