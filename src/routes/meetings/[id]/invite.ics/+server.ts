/** GET /meetings/{id}/invite.ics: the meeting as a calendar file (session cookie). */
import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { meetingInvitationIcs } from '$lib/server/domain/calendar/calendar.service';
import { icsResponse } from '$lib/server/domain/calendar/ics-response';
import { DomainError } from '$lib/server/domain/errors';
import { requireActor } from '$lib/server/http/forms';
import { statusOf } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	try {
		const { db } = await app();
		const ics = await meetingInvitationIcs(db, actor, event.params.id, event.url.origin, getLocale() === 'en' ? 'en' : 'sv');
		return icsResponse(ics, { fileName: `meeting-${event.params.id}.ics` });
	} catch (err) {
		if (err instanceof DomainError) error(statusOf(err.code), err.message);
		throw err;
	}
};
