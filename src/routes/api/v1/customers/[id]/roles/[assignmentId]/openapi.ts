/** The OpenAPI description of /api/v1/customers/{id}/roles/{assignmentId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { noContent } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	DELETE: noContent('unassignRole', 'roles', 'Take a role assignment away', 'Removed', { errors: [403] })
};
