import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from '$lib/server/domain/calendar/calendar.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => ({ feed: await calendarFeedStatus(db, actor), origin: event.url.origin }));

export const actions: Actions = {
	// create and regenerate are one step: a new secret replaces the old one
	create: formAction(async ({ app, actor, event }) => {
		const { token } = await createCalendarFeed(app.db, actor);
		return { url: `${event.url.origin}/calendar/${token}.ics` };
	}),
	revoke: formAction(async ({ app, actor }) => {
		await revokeCalendarFeed(app.db, actor);
		return { revoked: true };
	})
};
