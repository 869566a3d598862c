/** The OpenAPI description of /api/v1/forums/{id}/meetings; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ScheduleInput } from '$lib/server/domain/meetings/meetings.service';
import { Meeting, list, one, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listForumMeetings', 'meetings', "A forum's meetings, oldest first", 'Meetings', list('meetings', Meeting)),
	POST: created('scheduleMeeting', 'meetings', 'Schedule a meeting (supplier staff, or the customer\'s admin)', 'Scheduled', one('meeting', Meeting), {
		description: 'startsAt and endsAt are ISO-8601; without an offset they are Stockholm wall-clock time. At most 24 hours long.',
		body: { MeetingInput: ScheduleInput },
		errors: [403]
	})
};
