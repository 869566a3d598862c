import { getLocale } from '$lib/paraglide/runtime';
import { meetingInvitationIcs } from '$lib/server/domain/calendar/calendar.service';
import { icsResponse } from '$lib/server/domain/calendar/ics-response';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) =>
	icsResponse(await meetingInvitationIcs(app.db, actor, event.params.id!, event.url.origin, getLocale() === 'en' ? 'en' : 'sv'), {
		fileName: `meeting-${event.params.id}.ics`
	})
);
