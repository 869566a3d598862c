import { redirect } from '@sveltejs/kit';
import { firstSettingsPage } from '$lib/server/domain/itsm/settings/settings-pages.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/** The settings start at the first tab the viewer may open. */
export const load: PageServerLoad = async (event) => {
	const page = await loadWith(event, ({ db }, actor) => firstSettingsPage(db, actor, event.params.id));
	redirect(303, `/customers/${event.params.id}/settings/${page}`);
};
