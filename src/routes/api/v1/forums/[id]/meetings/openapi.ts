/** The OpenAPI description of /api/v1/forums/{id}/meetings; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ScheduleInput } from '$lib/server/domain/meetings/meetings.service';
import { Meeting, list, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listForumMeetings',
		tag: 'meetings',
		summary: "A forum's meetings, oldest first",
		success: { status: 200, description: 'Meetings', schema: list('meetings', Meeting) }
	},
	POST: {
		operationId: 'scheduleMeeting',
		tag: 'meetings',
		summary: 'Schedule a meeting (supplier staff, or the customer\'s admin)',
		description: 'startsAt and endsAt are ISO-8601; without an offset they are Stockholm wall-clock time. At most 24 hours long.',
		body: { MeetingInput: ScheduleInput },
		success: { status: 201, description: 'Scheduled', schema: one('meeting', Meeting) },
		errors: [403]
	}
};
