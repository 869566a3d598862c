/** The OpenAPI description of /api/v1/customers/{id}/agreement; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { Agreement } from '$lib/server/http/openapi-agreement';
import { ok, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getAgreement', 'agreement', "The customer's agreement: services, what applies this month, every dated term, amendments and change proposals", 'The agreement', one('agreement', Agreement), {
		description: "Supplier staff and the customer's admins always; a customer member once granted the agreement report (else 403).",
		errors: [403]
	})
};
