/** The OpenAPI description of /api/v1/roles/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { RoleUpdate } from '$lib/server/domain/tenancy/roles.service';
import { Role, one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	PATCH: ok('updateRole', 'roles', "Change a catalogue role's names and descriptions (supplier admin)", 'The role after the change', one('role', Role), {
		body: { RoleUpdate },
		errors: [403]
	})
};
