import { portalSlaReport } from '$lib/server/domain/portal/sla-portal.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({
	report: await portalSlaReport(app.db, actor, event.params.id!, event.url.searchParams.get('period'))
}));
