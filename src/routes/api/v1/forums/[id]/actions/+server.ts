import { listForumActions } from '$lib/server/domain/meetings/actions.service';
import { authed } from '$lib/server/http/api';

/** ?status=open|in_progress|done|cancelled|all&side=supplier|customer */
export const GET = authed(async ({ app, actor, event }) => ({
	actions: await listForumActions(app.db, actor, event.params.id!, Object.fromEntries(event.url.searchParams))
}));
