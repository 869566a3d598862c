import { createPerson, getPerson, listPeople } from '$lib/server/domain/tenancy/people.service';
import { authed, readJson } from '$lib/server/http/api';

/** The supplier's own staff: people without a customer. */
export const GET = authed(async ({ app, actor }) => ({ people: await listPeople(app.db, actor, null) }));

export const POST = authed(async ({ app, actor, event }) => {
	const created = await createPerson(app.db, actor, null, await readJson(event.request));
	return { person: await getPerson(app.db, actor, created.id) };
}, 201);
