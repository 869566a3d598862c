/** The OpenAPI description of /api/v1/customers/{id}/roles/{assignmentId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';

export const openapi: RouteDescription = {
	DELETE: {
		operationId: 'unassignRole',
		tag: 'roles',
		summary: 'Take a role assignment away',
		success: { status: 204, description: 'Removed' },
		errors: [403]
	}
};
