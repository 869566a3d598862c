import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { listPeople } from '$lib/server/domain/tenancy/people.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const customer = await getCustomer(app.db, actor, event.params.id!);
	return { customer: { ...customer, people: await listPeople(app.db, actor, customer.id) } };
});
