import { listOutbox } from '$lib/server/domain/notifications/outbox-admin.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/** Every notification mail of the installation: supplier admins only (others get 403). */
export const load: PageServerLoad = (event) =>
	loadWith(event, async (app, actor) => {
		const filter = Object.fromEntries(event.url.searchParams);
		const page = await listOutbox(app.db, actor, null, app.notifications.mailContext, filter);
		return { ...page, status: filter.status ?? null, keptOnly: !app.notifications.sends };
	});
