/** The OpenAPI description of /api/v1/meetings/{id}/start; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { StartInput } from '$lib/server/domain/meetings/lifecycle.service';
import { step } from '$lib/server/http/openapi-meetings';

export const openapi: RouteDescription = {
	POST: {
		...step('startMeeting', 'Starts the meeting (the chair)', 'More than an hour before its time only with `confirmEarly: true`; without it the answer is 409 with `fields.startsAt` and `fields.earlyMinutes`.'),
		body: { StartInput }
	}
};
