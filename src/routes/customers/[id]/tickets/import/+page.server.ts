import { recentImports } from '$lib/server/domain/itsm/import/import-history.service';
import { savedMappings } from '$lib/server/domain/itsm/import/saved-mappings.service';
import { EXAMPLE_MAPPINGS, PRESET_KEYS, PRESETS } from '$lib/server/domain/itsm/import/presets';
import { visibleReports } from '$lib/server/domain/tenancy/report-grants.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { loadWith } from '$lib/server/http/forms';
import { can } from '$lib/server/domain/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		const customer = await getCustomer(db, actor, customerId);
		// 403 for people who may read tickets but not import them
		const mappings = await savedMappings(db, actor, customerId);
		return {
			customer: { id: customer.id, name: customer.name },
			presets: PRESET_KEYS.map((key) => ({
				key,
				source: key === 'generic' ? 'csv' : PRESETS[key].source,
				zone: key === 'generic' ? 'Europe/Stockholm' : PRESETS[key].zone
			})),
			examples: Object.entries(EXAMPLE_MAPPINGS).map(([name, e]) => ({ name, source: e.source, mapping: e.mapping })),
			mappings,
			imports: await recentImports(db, actor, customerId, 10),
			reports: await visibleReports(db, actor, customerId),
			canSync: can(actor, 'itsm.configure', { customerId })
		};
	});
