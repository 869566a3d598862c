import { giveFeedback } from '$lib/server/domain/kb/kb.service';
import { authed, readJson } from '$lib/server/http/api';

export const POST = authed(async ({ app, actor, event }) => ({
	feedback: await giveFeedback(app.db, actor, event.params.id!, event.params.articleId!, await readJson(event.request))
}));
