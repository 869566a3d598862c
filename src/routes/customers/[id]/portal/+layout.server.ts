import { visibleReports } from '$lib/server/domain/tenancy/report-grants.service';
import { can } from '$lib/server/domain/policy';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { loadWith } from '$lib/server/http/forms';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		// another customer's portal is "not found" before anything else is read
		const customer = await getCustomer(db, actor, event.params.id);
		return {
			portal: {
				customer: { id: customer.id, name: customer.name },
				reports: await visibleReports(db, actor, customer.id),
				canGrant: can(actor, 'report.grant', { customerId: customer.id })
			}
		};
	});
