import { lifecycleView, publishAgenda } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readNoInput } from '$lib/server/http/api';

/** Publishes the agenda (snapshot) and with it the invitation (.ics). */
export const POST = authed(async ({ app, actor, event }) => {
	await readNoInput(event.request);
	await publishAgenda(app.db, app.documents, actor, event.params.id!);
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
