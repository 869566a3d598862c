import { createPerson, getPerson, listPeople } from '$lib/server/domain/tenancy/people.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ people: await listPeople(app.db, actor, event.params.id!) }));

export const POST = authed(async ({ app, actor, event }) => {
	const created = await createPerson(app.db, actor, event.params.id!, await readJson(event.request));
	return { person: await getPerson(app.db, actor, created.id) };
}, 201);
