import { getLocale } from '$lib/paraglide/runtime';
import { listInbox } from '$lib/server/domain/notifications/inbox.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) =>
	listInbox(app.db, actor, { limit: event.url.searchParams.get('limit') ?? undefined, locale: getLocale() === 'en' ? 'en' : 'sv' })
);
