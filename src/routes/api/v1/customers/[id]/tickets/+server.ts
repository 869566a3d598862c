import { ingestTickets } from '$lib/server/domain/itsm/import/ingest.service';
import { ticketList } from '$lib/server/domain/itsm/tickets.service';
import { authed, readJson } from '$lib/server/http/api';

/** ?kind=&priority=&status=&from=&to=&limit=&offset= */
export const GET = authed(async ({ app, actor, event }) =>
	ticketList(app.db, actor, event.params.id!, Object.fromEntries(event.url.searchParams))
);

/** JSON ingest for integrations (an API token with scope tickets:write, or supplier staff). */
export const POST = authed(async ({ app, actor, event }) => ({
	report: await ingestTickets(app.db, actor, event.params.id!, await readJson(event.request))
}));
