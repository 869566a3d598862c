import { slaDrillDown } from '$lib/server/domain/portal/sla-portal.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({
	drillDown: await slaDrillDown(app.db, actor, event.params.id!, Object.fromEntries(event.url.searchParams))
}));
