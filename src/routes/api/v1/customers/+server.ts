import { createCustomer, listCustomers } from '$lib/server/domain/tenancy/customers.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor }) => ({ customers: await listCustomers(app.db, actor) }));

export const POST = authed(
	async ({ app, actor, event }) => ({ customer: await createCustomer(app.db, actor, await readJson(event.request)) }),
	201
);
