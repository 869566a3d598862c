/** The OpenAPI description of /api/v1/meetings/{id}/publish; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { step } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	POST: step('publishAgenda', 'Publishes the agenda (kept as a snapshot) and the invitation', 'By the convener or the chair, or supplier staff; again until the meeting starts.')
};
