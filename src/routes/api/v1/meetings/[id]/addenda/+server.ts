import { addAddendum, lifecycleView } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readJson } from '$lib/server/http/api';

export const POST = authed(async ({ app, actor, event }) => {
	await addAddendum(app.db, actor, event.params.id!, await readJson(event.request));
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
}, 201);
