import { customerDefaults, saveCustomerDefaults } from '$lib/server/domain/notifications/preferences.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ defaults: await customerDefaults(app.db, actor, event.params.id!) }));

export const PUT = authed(async ({ app, actor, event }) => ({
	defaults: await saveCustomerDefaults(app.db, actor, event.params.id!, await readJson(event.request))
}));
