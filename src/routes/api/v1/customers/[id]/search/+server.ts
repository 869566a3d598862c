import { searchArticles } from '$lib/server/domain/kb/kb.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({
	results: await searchArticles(app.db, actor, event.params.id!, { q: event.url.searchParams.get('q') ?? '' })
}));
