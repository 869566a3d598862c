/** The OpenAPI description of /api/v1/meetings/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { MeetingDetail, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getMeeting',
		tag: 'meetings',
		summary: 'A meeting',
		success: { status: 200, description: 'The meeting', schema: one('meeting', MeetingDetail) }
	}
};
