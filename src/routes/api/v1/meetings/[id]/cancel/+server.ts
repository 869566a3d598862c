import { cancelMeeting, lifecycleView } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readJson } from '$lib/server/http/api';

/** Body `{ reason?: string }`; `{}` or nothing to cancel without one. */
export const POST = authed(async ({ app, actor, event }) => {
	const body = event.request.body ? await readJson(event.request) : {};
	await cancelMeeting(app.db, actor, event.params.id!, body);
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
