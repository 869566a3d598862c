import { redirect } from '@sveltejs/kit';
import { can } from '$lib/server/domain/policy';
import { supplierOverview } from '$lib/server/domain/portal/supplier-overview.service';
import { loadWith, requireActor } from '$lib/server/http/forms';
import type { PageServerLoad } from './$types';

/** A customer's people land in their own portal; supplier staff get the cross-customer overview. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	if (!can(actor, 'customer.list') && actor.customerId) redirect(303, `/customers/${actor.customerId}/portal`);
	return loadWith(event, async ({ db }, a) => ({ overview: await supplierOverview(db, a) }));
};
