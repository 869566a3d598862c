import { assignRole, toAssignmentView } from '$lib/server/domain/tenancy/roles.service';
import { authed, readJson } from '$lib/server/http/api';

export const POST = authed(
	async ({ app, actor, event }) => ({
		assignment: toAssignmentView(await assignRole(app.db, actor, event.params.id!, await readJson(event.request)))
	}),
	201
);
