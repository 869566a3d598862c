/** The OpenAPI description of /api/v1/customers; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { CustomerInput } from '$lib/server/domain/tenancy/customers.service';
import { Customer, CustomerSummary, list, one, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listCustomers', 'customers', 'Customers', 'Customers with counts', list('customers', CustomerSummary), {
		description: "Supplier staff see every customer; a customer's people only their own."
	}),
	POST: created('createCustomer', 'customers', 'Create a customer (supplier admin)', 'Created', one('customer', Customer), { body: { CustomerInput }, errors: [403, 409] })
};
