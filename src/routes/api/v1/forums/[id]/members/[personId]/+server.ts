import { removeMember } from '$lib/server/domain/governance/forums.service';
import { authed, noContent } from '$lib/server/http/api';

export const DELETE = authed(async ({ app, actor, event }) => {
	await removeMember(app.db, actor, event.params.id!, event.params.personId!);
	return noContent();
});
