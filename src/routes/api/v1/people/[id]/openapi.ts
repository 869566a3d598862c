/** The OpenAPI description of /api/v1/people/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PersonUpdate } from '$lib/server/domain/tenancy/people.service';
import { Person, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getPerson',
		tag: 'people',
		summary: 'A person',
		success: { status: 200, description: 'The person', schema: one('person', Person) },
		errors: [403]
	},
	PATCH: {
		operationId: 'updatePerson',
		tag: 'people',
		summary: 'Change a person (supplier admin, or the customer admin for their own people)',
		description: 'Only the fields sent change. A new password, a changed access level or `disabled: true` ends the person\'s sessions. Nobody can disable their own account or lower their own access (400).',
		body: { PersonUpdate },
		success: { status: 200, description: 'The person after the change', schema: one('person', Person) },
		errors: [403, 409]
	}
};
