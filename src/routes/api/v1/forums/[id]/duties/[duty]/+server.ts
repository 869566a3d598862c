import { assignDuty } from '$lib/server/domain/governance/forums.service';
import { authed, readJson, withField } from '$lib/server/http/api';

/** The duty comes from the path, party and person from the body. */
export const PUT = authed(async ({ app, actor, event }) => ({
	duty: await assignDuty(app.db, actor, event.params.id!, withField(await readJson(event.request), 'duty', event.params.duty!))
}));
