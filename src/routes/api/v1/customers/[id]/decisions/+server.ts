import { listCustomerDecisions } from '$lib/server/domain/meetings/actions.service';
import { authed } from '$lib/server/http/api';

/** ?q=text&forumId= */
export const GET = authed(async ({ app, actor, event }) => ({
	decisions: await listCustomerDecisions(app.db, actor, event.params.id!, Object.fromEntries(event.url.searchParams))
}));
