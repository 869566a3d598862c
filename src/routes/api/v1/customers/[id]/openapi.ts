/** The OpenAPI description of /api/v1/customers/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CustomerDetail, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getCustomer',
		tag: 'customers',
		summary: 'A customer with its people',
		success: { status: 200, description: 'The customer', schema: one('customer', CustomerDetail) }
	}
};
