/** The OpenAPI description of /api/v1/customers/{id}/people; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PersonInput } from '$lib/server/domain/tenancy/people.service';
import { Person, list, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listCustomerPeople',
		tag: 'people',
		summary: "A customer's people, with the roles they hold",
		success: { status: 200, description: 'People', schema: list('people', Person) }
	},
	POST: {
		operationId: 'createCustomerPerson',
		tag: 'people',
		summary: 'Add a person to a customer (supplier admin, or the customer\'s admin)',
		description: 'With a password the person gets a login. Access must be customer_admin or customer_member.',
		body: { PersonInput },
		success: { status: 201, description: 'Created', schema: one('person', Person) },
		errors: [403, 409]
	}
};
