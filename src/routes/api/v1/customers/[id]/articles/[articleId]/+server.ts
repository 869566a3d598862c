import { getArticle, updateArticle } from '$lib/server/domain/kb/kb.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ article: await getArticle(app.db, actor, event.params.id!, event.params.articleId!) }));

export const PUT = authed(async ({ app, actor, event }) => ({
	article: await updateArticle(app.db, actor, event.params.id!, event.params.articleId!, await readJson(event.request))
}));
