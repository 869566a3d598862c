import { addMember } from '$lib/server/domain/governance/forums.service';
import { authed, readJson } from '$lib/server/http/api';

export const POST = authed(
	async ({ app, actor, event }) => ({ member: await addMember(app.db, actor, event.params.id!, await readJson(event.request)) }),
	201
);
