/** Report grants: which portal reports a customer's member may open. Repository functions take the executor first. */
import type { Executor } from '$lib/server/db';
import type { PortalReport } from '$lib/server/db/portal-schema';

/** The reports granted to one person of one customer. */
export async function grantedReports(db: Executor, customerId: string, personId: string): Promise<PortalReport[]> {
	const rows = await db.selectFrom('report_grants').select('report').where('person_id', '=', personId).where('customer_id', '=', customerId).execute();
	return rows.map((r) => r.report);
}

/** Every grant of a customer. */
export async function grantsOfCustomer(db: Executor, customerId: string) {
	return db.selectFrom('report_grants').select(['person_id', 'report']).where('customer_id', '=', customerId).execute();
}

/** The customer's members (customer_member access: the people whose reading goes by grants, policy.ts readsReportsByGrant), by name. */
export async function customerMembers(db: Executor, customerId: string) {
	return db.selectFrom('people').select(['id', 'name', 'email']).where('customer_id', '=', customerId).where('access', '=', 'customer_member').orderBy('name').execute();
}

/** Who a person is, for deciding whether they can be granted a report of a customer. */
export async function findGrantee(db: Executor, personId: string) {
	return db.selectFrom('people').select(['id', 'access', 'customer_id']).where('id', '=', personId).executeTakeFirst();
}

/** Replaces a person's grants; returns the reports they had before. */
export async function replaceGrants(
	db: Executor,
	grant: { customerId: string; personId: string; reports: PortalReport[]; grantedBy: string | null; grantedAt: string }
): Promise<PortalReport[]> {
	const before = (await db.selectFrom('report_grants').select('report').where('person_id', '=', grant.personId).execute()).map((r) => r.report);
	await db.deleteFrom('report_grants').where('person_id', '=', grant.personId).execute();
	if (grant.reports.length)
		await db
			.insertInto('report_grants')
			.values(grant.reports.map((report) => ({ customer_id: grant.customerId, person_id: grant.personId, report, granted_by: grant.grantedBy, granted_at: grant.grantedAt })))
			.execute();
	return before;
}
