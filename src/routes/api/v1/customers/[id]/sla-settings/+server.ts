import { getSlaSettings, updateSlaSettings } from '$lib/server/domain/itsm/sla/sla-settings.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ settings: await getSlaSettings(app.db, actor, event.params.id!) }));

/** Replaces the settings and recomputes every ticket's SLA outcome. */
export const PUT = authed(async ({ app, actor, event }) => ({
	settings: await updateSlaSettings(app.db, actor, event.params.id!, await readJson(event.request))
}));
