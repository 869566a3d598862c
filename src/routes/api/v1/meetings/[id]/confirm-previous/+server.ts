import { confirmPreviousMinutes, lifecycleView } from '$lib/server/domain/meetings/lifecycle.service';
import { authed } from '$lib/server/http/api';

/** At the previous-minutes item: the chair confirms the previous meeting's approved minutes. */
export const POST = authed(async ({ app, actor, event }) => {
	await confirmPreviousMinutes(app.db, actor, event.params.id!);
	return { lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
