/** The OpenAPI description of /api/v1/roles; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { Role, list } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listRoles',
		tag: 'roles',
		summary: 'The role catalogue of both parties',
		success: { status: 200, description: 'Roles', schema: list('roles', Role) }
	}
};
