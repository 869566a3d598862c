import { escalateAction } from '$lib/server/domain/meetings/escalation.service';
import { authed } from '$lib/server/http/api';

/** Copies the action to the next forum up (operational → tactical → strategic). */
export const POST = authed(
	async ({ app, actor, event }) => ({ escalated: await escalateAction(app.db, app.documents, actor, event.params.id!, event.params.actionId!) }),
	201
);
