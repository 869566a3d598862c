/** The OpenAPI description of /api/v1/roles; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { Role, list, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listRoles', 'roles', 'The role catalogue of both parties', 'Roles', list('roles', Role))
};
