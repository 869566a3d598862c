/** The OpenAPI description of /api/v1/meetings/{id}/invite.ics; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { file } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: file('getMeetingInvitation', 'meetings', 'The meeting as an iCalendar file (text/calendar)', 'text/calendar; charset=utf-8', {
		description:
			'One VEVENT with a stable UID (`<meeting id>@<host>`), DTSTART/DTEND in Europe/Stockholm with its VTIMEZONE, the agenda in the description and a SEQUENCE that grows whenever the meeting changes. METHOD:PUBLISH.'
	})
};
