/**
 * The portal home of one customer: next meetings, open actions of mine and of
 * my side, this month's SLA at a glance (for those who may see the report),
 * recently approved minutes and the self-help guides per service.
 */
import type { Party } from '$lib/domain-types';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { isSupplier } from '../actor';
import { notFound } from '../errors';
import { loadTargets } from '../itsm/kpi/kpi-targets.service';
import { light, type Light } from '../itsm/kpi/kpi-targets';
import { slaReport } from '../itsm/sla/sla-report.service';
import { listCustomerActions, type ActionView } from '../meetings/actions.service';
import { authorize } from '../policy';
import { findCustomer } from '../tenancy/tenancy.repository';
import { listGuides, type ArticleSummary } from '../kb/kb.service';
import { approvedMinutesOf, upcomingCustomerMeetings, type PortalMeeting } from './portal-meetings.repository';
import { visibleReports } from '../tenancy/report-grants.service';
import { currentMonth } from './report-period';

export interface PortalHome {
	customer: { id: string; name: string };
	reports: string[];
	nextMeetings: PortalMeeting[];
	myActions: ActionView[];
	sideActions: ActionView[];
	side: Party;
	slaGlance: {
		period: { key: string; from: string; to: string };
		response: { compliance: number | null; met: number; breached: number; light: Light | null };
		resolution: { compliance: number | null; met: number; breached: number; light: Light | null };
	} | null;
	recentMinutes: PortalMeeting[];
	guides: ArticleSummary[];
}

export async function portalHome(db: Db, actor: Actor, customerId: string, now = new Date()): Promise<PortalHome> {
	authorize(actor, 'meeting.read', { customerId, kind: 'Customer' });
	const customer = await findCustomer(db, customerId);
	if (!customer) throw notFound('Customer');
	const side = isSupplier(actor) ? 'supplier' : 'customer';
	const [reports, nextMeetings, open, recentMinutes, guides] = await Promise.all([
		visibleReports(db, actor, customerId),
		upcomingCustomerMeetings(db, customerId, now.toISOString(), 5),
		listCustomerActions(db, actor, customerId, { status: 'open' }),
		approvedMinutesOf(db, customerId, 5),
		listGuides(db, actor, customerId)
	]);
	let slaGlance: PortalHome['slaGlance'] = null;
	if (reports.includes('sla')) {
		const month = currentMonth(now);
		const [sla, targets] = await Promise.all([slaReport(db, actor, customerId, { from: month.from, to: month.to }, now), loadTargets(db, customerId)]);
		const t = (kpi: string) => targets.find((x) => x.kpi === kpi);
		const glance = (row: typeof sla.total.response, kpi: string) => ({
			compliance: row.compliance,
			met: row.met,
			breached: row.breached,
			light: light(row.compliance, t(kpi))
		});
		slaGlance = {
			period: { key: month.key, from: month.from, to: month.to },
			response: glance(sla.total.response, 'sla_response'),
			resolution: glance(sla.total.resolution, 'sla_resolution')
		};
	}
	return {
		customer: { id: customer.id, name: customer.name },
		reports,
		nextMeetings,
		myActions: open.filter((a) => a.owner?.id === actor.personId),
		sideActions: open.filter((a) => a.owner?.side === side && a.owner.id !== actor.personId).slice(0, 10),
		side,
		slaGlance,
		recentMinutes,
		guides
	};
}
