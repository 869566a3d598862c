import { getLocale } from '$lib/paraglide/runtime';
import { myPreferences, saveMyPreferences } from '$lib/server/domain/notifications/preferences.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { choicesFromForm } from '$lib/server/http/notification-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadWith(event, async ({ db }, actor) => ({ preferences: await myPreferences(db, actor) }));

export const actions: Actions = {
	default: formAction(({ app, actor, data }) => saveMyPreferences(app.db, actor, choicesFromForm(data), getLocale() === 'en' ? 'en' : 'sv'))
};
