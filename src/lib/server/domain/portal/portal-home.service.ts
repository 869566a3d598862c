/**
 * The portal home of one customer: next meetings, open actions of mine and of
 * my side, this month's SLA at a glance (for those who may see the report),
 * recently approved minutes and the self-help guides per service.
 */
import type { Db } from '$lib/server/db';
import type { ForumLevel, MeetingStatus } from '$lib/server/db/schema';
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
import { visibleReports } from '../tenancy/report-grants.service';
import { currentMonth } from './report-period';

export interface PortalMeeting {
	id: string;
	title: string;
	startsAt: string;
	endsAt: string;
	status: MeetingStatus;
	approvedAt: string | null;
	forumId: string;
	forumName: { sv: string; en: string };
	level: ForumLevel;
}

export interface PortalHome {
	customer: { id: string; name: string };
	reports: string[];
	nextMeetings: PortalMeeting[];
	myActions: ActionView[];
	sideActions: ActionView[];
	side: 'customer' | 'supplier';
	slaGlance: {
		period: { key: string; from: string; to: string };
		response: { compliance: number | null; met: number; breached: number; light: Light | null };
		resolution: { compliance: number | null; met: number; breached: number; light: Light | null };
	} | null;
	recentMinutes: PortalMeeting[];
	guides: ArticleSummary[];
}

const meetingsOf = (db: Db, customerId: string) =>
	db
		.selectFrom('meetings as m')
		.innerJoin('forums as f', 'f.id', 'm.forum_id')
		.select(['m.id', 'm.title', 'm.starts_at', 'm.ends_at', 'm.status', 'm.approved_at', 'm.forum_id', 'f.name_sv', 'f.name_en', 'f.level'])
		.where('m.customer_id', '=', customerId);

type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingsOf>['execute']>>[number];

export const toPortalMeeting = (r: MeetingRow): PortalMeeting => ({
	id: r.id,
	title: r.title,
	startsAt: r.starts_at,
	endsAt: r.ends_at,
	status: r.status,
	approvedAt: r.approved_at,
	forumId: r.forum_id,
	forumName: { sv: r.name_sv, en: r.name_en },
	level: r.level
});

/** Meetings of the customer from `from` on, soonest first. */
export async function upcomingCustomerMeetings(db: Db, customerId: string, from: string, limit: number): Promise<PortalMeeting[]> {
	return (await meetingsOf(db, customerId).where('m.ends_at', '>=', from).orderBy('m.starts_at').limit(limit).execute()).map(toPortalMeeting);
}

/** Meetings whose minutes are approved (justerat), newest approval first. */
export async function approvedMinutesOf(db: Db, customerId: string, limit: number): Promise<PortalMeeting[]> {
	return (
		await meetingsOf(db, customerId)
			.where('m.status', 'in', ['minutes_approved', 'confirmed'])
			.where('m.approved_at', 'is not', null)
			.orderBy('m.approved_at', 'desc')
			.limit(limit)
			.execute()
	).map(toPortalMeeting);
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
