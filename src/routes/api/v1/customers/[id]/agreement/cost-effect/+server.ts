import { costEffectOf } from '$lib/server/domain/agreement/agreement.service';
import { authed, readJson } from '$lib/server/http/api';

/** What a change would cost; stores nothing. */
export const POST = authed(async ({ app, actor, event }) => costEffectOf(app.db, actor, event.params.id!, await readJson(event.request)));
