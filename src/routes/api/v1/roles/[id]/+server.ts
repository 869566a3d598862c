import { updateRole } from '$lib/server/domain/tenancy/roles.service';
import { authed, readJson } from '$lib/server/http/api';

export const PATCH = authed(async ({ app, actor, event }) => ({
	role: await updateRole(app.db, actor, event.params.id!, await readJson(event.request))
}));
