/** The OpenAPI description of /api/v1/customers; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CustomerInput } from '$lib/server/domain/tenancy/customers.service';
import { Customer, CustomerSummary, list, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listCustomers',
		tag: 'customers',
		summary: 'Customers',
		description: "Supplier staff see every customer; a customer's people only their own.",
		success: { status: 200, description: 'Customers with counts', schema: list('customers', CustomerSummary) }
	},
	POST: {
		operationId: 'createCustomer',
		tag: 'customers',
		summary: 'Create a customer (supplier admin)',
		body: { CustomerInput },
		success: { status: 201, description: 'Created', schema: one('customer', Customer) },
		errors: [403, 409]
	}
};
