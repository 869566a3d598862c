import { lifecycleView, startMeeting } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readJson } from '$lib/server/http/api';

/** Body `{ confirmEarly: true }` to start more than an hour before the meeting's time; `{}` or nothing otherwise. */
export const POST = authed(async ({ app, actor, event }) => {
	const body = event.request.body ? await readJson(event.request) : {};
	await startMeeting(app.db, actor, event.params.id!, body);
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
