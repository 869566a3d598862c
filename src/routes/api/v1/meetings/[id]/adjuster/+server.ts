import { lifecycleView, setAdjuster } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readJson } from '$lib/server/http/api';

export const PUT = authed(async ({ app, actor, event }) => {
	await setAdjuster(app.db, actor, event.params.id!, await readJson(event.request));
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
