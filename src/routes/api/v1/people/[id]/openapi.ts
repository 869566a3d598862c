/** The OpenAPI description of /api/v1/people/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { PersonUpdate } from '$lib/server/domain/tenancy/people.service';
import { Person, one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getPerson', 'people', 'A person', 'The person', one('person', Person), { errors: [403] }),
	PATCH: ok('updatePerson', 'people', 'Change a person (supplier admin, or the customer admin for their own people)', 'The person after the change', one('person', Person), {
		description: 'Only the fields sent change. A new password, a changed access level or `disabled: true` ends the person\'s sessions. Nobody can disable their own account or lower their own access (400).',
		body: { PersonUpdate },
		errors: [403, 409]
	})
};
