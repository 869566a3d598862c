import { findAnything } from '$lib/server/domain/search/search.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => findAnything(app.db, actor, { q: event.url.searchParams.get('q') ?? '' }));
