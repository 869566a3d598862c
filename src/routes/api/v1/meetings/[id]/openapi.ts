/** The OpenAPI description of /api/v1/meetings/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { MeetingDetail, one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getMeeting', 'meetings', 'A meeting', 'The meeting', one('meeting', MeetingDetail))
};
