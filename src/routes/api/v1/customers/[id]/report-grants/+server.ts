import { listReportGrants, setReportGrants } from '$lib/server/domain/tenancy/report-grants.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ grants: await listReportGrants(app.db, actor, event.params.id!) }));

export const PUT = authed(async ({ app, actor, event }) => ({
	grants: await setReportGrants(app.db, actor, event.params.id!, await readJson(event.request))
}));
