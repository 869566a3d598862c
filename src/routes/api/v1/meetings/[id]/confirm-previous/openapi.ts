/** The OpenAPI description of /api/v1/meetings/{id}/confirm-previous; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { step } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	POST: step('confirmPreviousMinutes', "Confirms the previous meeting's approved minutes (the chair, at the previous-minutes item)")
};
