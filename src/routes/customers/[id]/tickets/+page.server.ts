import { recentImports } from '$lib/server/domain/itsm/import/import-history.service';
import { ticketList } from '$lib/server/domain/itsm/tickets.service';
import { can } from '$lib/server/domain/policy';
import { visibleReports } from '$lib/server/domain/tenancy/report-grants.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { loadWith } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		// 404 for another customer's page before anything else is read
		const customer = await getCustomer(db, actor, customerId);
		const q = event.url.searchParams;
		const filters = {
			kind: q.get('kind') ?? '',
			priority: q.get('priority') ?? '',
			status: q.get('status') ?? '',
			from: q.get('from') ?? '',
			to: q.get('to') ?? ''
		};
		const page = Math.max(0, Number(q.get('page') ?? 0) || 0);
		// 403 for a member without the case-handling report granted
		const list = await ticketList(db, actor, customerId, {
			...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
			limit: PAGE,
			offset: page * PAGE
		});
		const imports = await recentImports(db, actor, customerId, 5);
		return {
			customer: { id: customer.id, name: customer.name },
			filters,
			page,
			pageSize: PAGE,
			...list,
			imports,
			reports: await visibleReports(db, actor, customerId),
			canImport: can(actor, 'ticket.import', { customerId }),
			canSync: can(actor, 'itsm.configure', { customerId })
		};
	});
