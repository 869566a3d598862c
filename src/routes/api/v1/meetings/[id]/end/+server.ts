import { endMeeting, lifecycleView } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readNoInput } from '$lib/server/http/api';

export const POST = authed(async ({ app, actor, event }) => {
	await readNoInput(event.request);
	await endMeeting(app.db, actor, event.params.id!);
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
