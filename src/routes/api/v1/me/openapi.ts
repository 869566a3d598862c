/** The OpenAPI description of /api/v1/me; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { Me, one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getMe', 'session', 'The signed-in person', 'Who is signed in', one('person', Me))
};
