import { getLocale } from '$lib/paraglide/runtime';
import { INBOX_MAX, listInbox, markInboxRead } from '$lib/server/domain/notifications/inbox.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/** The person's notifications; visiting the page marks them read (the list still shows which were new). */
export const load: PageServerLoad = (event) =>
	loadWith(event, async (app, actor) => {
		const inbox = await listInbox(app.db, actor, { limit: INBOX_MAX, locale: getLocale() === 'en' ? 'en' : 'sv' });
		if (inbox.unread > 0 && (await markInboxRead(app.db, actor, { all: true })).marked > 0) app.bellChanged([actor.personId]);
		return { items: inbox.items };
	});
