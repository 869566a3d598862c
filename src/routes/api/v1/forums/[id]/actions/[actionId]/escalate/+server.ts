import { escalateAction } from '$lib/server/domain/meetings/escalation.service';
import { authed, readNoInput } from '$lib/server/http/api';

/** Copies the action to the next forum up (operational → tactical → strategic). */
export const POST = authed(
	async ({ app, actor, event }) => {
		await readNoInput(event.request);
		return { escalated: await escalateAction(app.db, app.documents, actor, event.params.id!, event.params.actionId!) };
	},
	201
);
