import { getPerson, updatePerson } from '$lib/server/domain/tenancy/people.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ person: await getPerson(app.db, actor, event.params.id!) }));

export const PATCH = authed(async ({ app, actor, event }) => {
	const updated = await updatePerson(app.db, actor, event.params.id!, await readJson(event.request));
	return { person: await getPerson(app.db, actor, updated.id) };
});
