import { lifecycleView } from '$lib/server/domain/meetings/lifecycle.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ lifecycle: await lifecycleView(app.db, actor, event.params.id!) }));
