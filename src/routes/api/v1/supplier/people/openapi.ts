/** The OpenAPI description of /api/v1/supplier/people; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PersonInput } from '$lib/server/domain/tenancy/people.service';
import { Person, list, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listSupplierPeople',
		tag: 'people',
		summary: "The supplier's staff (supplier only)",
		success: { status: 200, description: 'Supplier staff', schema: list('people', Person) },
		errors: [403]
	},
	POST: {
		operationId: 'createSupplierPerson',
		tag: 'people',
		summary: 'Add a member of the supplier\'s staff (supplier admin)',
		description: 'Access must be supplier_admin or supplier_staff.',
		body: { PersonInput },
		success: { status: 201, description: 'Created', schema: one('person', Person) },
		errors: [403, 409]
	}
};
