import { kpiTargets, setKpiTargets } from '$lib/server/domain/itsm/kpi/kpi-targets.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ targets: await kpiTargets(app.db, actor, event.params.id!) }));

export const PUT = authed(async ({ app, actor, event }) => ({ targets: await setKpiTargets(app.db, actor, event.params.id!, await readJson(event.request)) }));
