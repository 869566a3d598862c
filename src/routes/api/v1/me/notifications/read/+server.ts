import { markInboxRead } from '$lib/server/domain/notifications/inbox.service';
import { authed, readJson } from '$lib/server/http/api';

/** Marks read; the caller's other open pages hear the new count. */
export const POST = authed(async ({ app, actor, event }) => {
	const result = await markInboxRead(app.db, actor, await readJson(event.request));
	if (result.marked > 0) app.bellChanged([actor.personId]);
	return result;
});
