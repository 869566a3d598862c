import { getLocale } from '$lib/paraglide/runtime';
import { myPreferences, saveMyPreferences } from '$lib/server/domain/notifications/preferences.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor }) => ({ preferences: await myPreferences(app.db, actor) }));

export const PUT = authed(async ({ app, actor, event }) => ({
	preferences: await saveMyPreferences(app.db, actor, await readJson(event.request), getLocale() === 'en' ? 'en' : 'sv')
}));
