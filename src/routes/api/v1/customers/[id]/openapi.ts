/** The OpenAPI description of /api/v1/customers/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CustomerDetail, one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getCustomer', 'customers', 'A customer with its people', 'The customer', one('customer', CustomerDetail))
};
