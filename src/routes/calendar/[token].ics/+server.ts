/**
 * GET /calendar/{token}.ics: a person's calendar feed. No cookie: calendar
 * programs subscribe to the URL, and the secret token in it is the key.
 */
import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { feedIcs } from '$lib/server/domain/calendar/calendar.service';
import { icsResponse } from '$lib/server/domain/calendar/ics-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { db } = await app();
	const lang = event.url.searchParams.get('lang') === 'en' ? 'en' : 'sv';
	const ics = await feedIcs(db, event.params.token, event.url.origin, lang);
	if (ics === null) error(404, 'Not found');
	return icsResponse(ics);
};
