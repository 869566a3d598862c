import { confirmPreviousMinutes, lifecycleView } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readNoInput } from '$lib/server/http/api';

/** At the previous-minutes item: the chair confirms the previous meeting's approved minutes. */
export const POST = authed(async ({ app, actor, event }) => {
	await readNoInput(event.request);
	await confirmPreviousMinutes(app.db, actor, event.params.id!);
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
