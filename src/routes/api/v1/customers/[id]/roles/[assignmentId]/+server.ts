import { unassignRole } from '$lib/server/domain/tenancy/roles.service';
import { authed, noContent } from '$lib/server/http/api';

export const DELETE = authed(async ({ app, actor, event }) => {
	await unassignRole(app.db, actor, event.params.id!, event.params.assignmentId!);
	return noContent();
});
