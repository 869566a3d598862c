/** The OpenAPI description of /api/v1/customers/{id}/people; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PersonInput } from '$lib/server/domain/tenancy/people.service';
import { Person, list, one, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listCustomerPeople', 'people', "A customer's people, with the roles they hold", 'People', list('people', Person)),
	POST: created('createCustomerPerson', 'people', 'Add a person to a customer (supplier admin, or the customer\'s admin)', 'Created', one('person', Person), {
		description: 'With a password the person gets a login. Access must be customer_admin or customer_member.',
		body: { PersonInput },
		errors: [403, 409]
	})
};
