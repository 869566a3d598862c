import { assignForumDuty } from '$lib/server/domain/meeting-core/duty-notices';
import { authed, readJson, withField } from '$lib/server/http/api';

/** The duty comes from the path, party and person from the body. */
export const PUT = authed(async ({ app, actor, event }) => ({
	duty: await assignForumDuty(app.db, actor, event.params.id!, withField(await readJson(event.request), 'duty', event.params.duty!))
}));
