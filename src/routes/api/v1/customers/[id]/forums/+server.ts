import { createForumFromTemplate, listForums } from '$lib/server/domain/governance/forums.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ forums: await listForums(app.db, actor, event.params.id!) }));

export const POST = authed(
	async ({ app, actor, event }) => ({
		forum: await createForumFromTemplate(app.db, actor, event.params.id!, await readJson(event.request))
	}),
	201
);
