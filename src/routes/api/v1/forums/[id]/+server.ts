import { getForum, updateForum } from '$lib/server/domain/governance/forums.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ forum: await getForum(app.db, actor, event.params.id!) }));

export const PATCH = authed(async ({ app, actor, event }) => ({
	forum: await updateForum(app.db, actor, event.params.id!, await readJson(event.request))
}));
