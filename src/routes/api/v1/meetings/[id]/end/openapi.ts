/** The OpenAPI description of /api/v1/meetings/{id}/end; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { step } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	POST: step('endMeeting', 'Ends the meeting (the chair); the minutes become a draft to approve')
};
