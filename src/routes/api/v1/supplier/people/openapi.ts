/** The OpenAPI description of /api/v1/supplier/people; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PersonInput } from '$lib/server/domain/tenancy/people.service';
import { Person, list, one, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listSupplierPeople', 'people', "The supplier's staff (supplier only)", 'Supplier staff', list('people', Person), { errors: [403] }),
	POST: created('createSupplierPerson', 'people', 'Add a member of the supplier\'s staff (supplier admin)', 'Created', one('person', Person), {
		description: 'Access must be supplier_admin or supplier_staff.',
		body: { PersonInput },
		errors: [403, 409]
	})
};
