import { setTolerance } from '$lib/server/domain/agreement/agreement.service';
import { authed, readJson } from '$lib/server/http/api';

export const PUT = authed(async ({ app, actor, event }) => setTolerance(app.db, actor, event.params.id!, await readJson(event.request)));
