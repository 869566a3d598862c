/**
 * Which portal reports a customer's members see. The customer admin (and the
 * supplier) see all of them and grant members theirs; a member without a
 * grant is refused (403) and another customer's people get 404.
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { PortalReport } from '$lib/server/db/portal-schema';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { DomainError, invalid, notFound } from '../errors';
import { nowIso } from '../ids';
import { authorize, can, readsReportsByGrant } from '../policy';
import { findCustomer } from './tenancy.repository';
import { parseInput } from '../validation';
import { customerMembers, findGrantee, grantedReports, grantsOfCustomer, replaceGrants } from './report-grants.repository';

export const PORTAL_REPORTS = ['sla', 'cases', 'meetings', 'agreement'] as const satisfies readonly PortalReport[];

async function grantedTo(db: Executor, actor: Actor, customerId: string): Promise<Set<PortalReport>> {
	if (!readsReportsByGrant(actor, customerId)) return new Set();
	return new Set(await grantedReports(db, customerId, actor.personId));
}

/** Throws unless the actor may open this report of the customer (404 for other customers and unknown ids). */
export async function authorizeReport(db: Executor, actor: Actor, customerId: string, report: PortalReport): Promise<void> {
	authorize(actor, 'customer.read', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const granted = (await grantedTo(db, actor, customerId)).has(report);
	const resource = { customerId, granted, kind: 'Report' };
	// a member of the customer without the grant is told who decides (the page says it in their language)
	if (!granted && !can(actor, 'report.read', resource) && can(actor, 'report.read', { ...resource, granted: true })) throw reportNotGranted();
	authorize(actor, 'report.read', resource);
}

const reportNotGranted = () =>
	new DomainError('forbidden', "This report has not been shared with you: the customer's portal administrator grants access to reports", {}, 'report_not_granted');

/** The reports the actor may open for the customer (for navigation). */
export async function visibleReports(db: Executor, actor: Actor, customerId: string): Promise<PortalReport[]> {
	const granted = await grantedTo(db, actor, customerId);
	return PORTAL_REPORTS.filter((r) => can(actor, 'report.read', { customerId, granted: granted.has(r) }));
}

export interface ReportGrantsView {
	members: { personId: string; name: string; email: string; reports: PortalReport[] }[];
}

export async function listReportGrants(db: Db, actor: Actor, customerId: string): Promise<ReportGrantsView> {
	authorize(actor, 'report.grant', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const [people, grants] = await Promise.all([customerMembers(db, customerId), grantsOfCustomer(db, customerId)]);
	return {
		members: people.map((p) => ({
			personId: p.id,
			name: p.name,
			email: p.email,
			reports: PORTAL_REPORTS.filter((r) => grants.some((g) => g.person_id === p.id && g.report === r))
		}))
	};
}

export const ReportGrantInput = z.strictObject({
	personId: z.uuid('field.id'),
	reports: z.array(z.enum(PORTAL_REPORTS)).max(PORTAL_REPORTS.length)
});

/** Replaces what one member of the customer may see. */
export async function setReportGrants(db: Db, actor: Actor, customerId: string, input: unknown): Promise<ReportGrantsView> {
	authorize(actor, 'report.grant', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const data = parseInput(ReportGrantInput, input);
	const person = await findGrantee(db, data.personId);
	// someone of another customer (or the supplier) is not a member of this one
	if (!person || person.customer_id !== customerId) throw invalid('Not a member of this customer', { personId: 'report.not_member' });
	if (!readsReportsByGrant({ access: person.access, customerId: person.customer_id }, customerId)) {
		throw invalid('Admins see every report', { personId: 'report.admin_sees_all' });
	}
	const reports = [...new Set(data.reports)];
	await db.transaction().execute(async (tx) => {
		const grantedBy = actor.personId === 'system' ? null : actor.personId;
		const before = await replaceGrants(tx, { customerId, personId: person.id, reports, grantedBy, grantedAt: nowIso() });
		await recordAudit(tx, actor, { action: 'report.grant', entity: 'person', entityId: person.id, customerId, before: { reports: before }, after: { reports } });
	});
	return listReportGrants(db, actor, customerId);
}
