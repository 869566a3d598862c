/** The OpenAPI description of /api/v1/me; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { Me, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getMe',
		tag: 'session',
		summary: 'The signed-in person',
		success: { status: 200, description: 'Who is signed in', schema: one('person', Me) }
	}
};
