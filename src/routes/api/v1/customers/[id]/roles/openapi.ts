/** The OpenAPI description of /api/v1/customers/{id}/roles; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { AssignInput } from '$lib/server/domain/tenancy/roles.service';
import { RoleAssignment, one, created } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: created('assignRole', 'roles', "Give a person a role in the customer's relation", 'Assigned', one('assignment', RoleAssignment), {
		description: "The person is supplier staff or the customer's own; the role must be of the person's party. Customer admins assign roles to their own people only.",
		body: { RoleAssignmentInput: AssignInput },
		errors: [403, 409]
	})
};
