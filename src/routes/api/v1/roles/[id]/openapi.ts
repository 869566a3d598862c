/** The OpenAPI description of /api/v1/roles/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { RoleUpdate } from '$lib/server/domain/tenancy/roles.service';
import { Role, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	PATCH: {
		operationId: 'updateRole',
		tag: 'roles',
		summary: "Change a catalogue role's names and descriptions (supplier admin)",
		body: { RoleUpdate },
		success: { status: 200, description: 'The role after the change', schema: one('role', Role) },
		errors: [403]
	}
};
