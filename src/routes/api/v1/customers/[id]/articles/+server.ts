import { createArticle, listArticles } from '$lib/server/domain/kb/kb.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({
	articles: await listArticles(app.db, actor, event.params.id!, Object.fromEntries(event.url.searchParams))
}));

export const POST = authed(
	async ({ app, actor, event }) => ({ article: await createArticle(app.db, actor, event.params.id!, await readJson(event.request)) }),
	201
);
