import { lifecycleView, publishAgenda } from '$lib/server/domain/meetings/lifecycle.service';
import { authed } from '$lib/server/http/api';

/** Publishes the agenda (snapshot) and with it the invitation (.ics). */
export const POST = authed(async ({ app, actor, event }) => {
	await publishAgenda(app.db, app.documents, actor, event.params.id!);
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
