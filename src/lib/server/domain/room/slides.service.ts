/**
 * The figures behind the meeting's slides (ITSM): SLA compliance per priority
 * against target, the last twelve months' trend, the KPI table with traffic
 * lights, P1/P2 incidents, escalations (SLA breaches and major incidents) and
 * changes. The period runs from the forum's previous meeting up to this one;
 * without a previous meeting, the last full month before it.
 */
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import type { KpiValue } from '../itsm/kpi/kpi.service';
import { kpiReport } from '../itsm/kpi/kpi.service';
import type { Period } from '../itsm/period';
import { slaReport, type SlaRow } from '../itsm/sla/sla-report.service';
import { findMeetingRef } from '../meetings/meeting-duties';
import { authorize } from '../policy';
import { DEFAULT_TIME_ZONE } from '../time';
import { cabCandidates, isCabMeeting, type CabCandidate } from './cab.service';

export interface TicketLine {
	id: string;
	number: string;
	title: string | null;
	priority: number | null;
	openedAt: string;
	resolvedAt: string | null;
	status: string;
	major: boolean;
	breached: boolean;
}

export interface TrendPoint {
	/** first day of the month, yyyy-mm-dd */
	month: string;
	response: number | null;
	resolution: number | null;
}

export interface SlideDeck {
	period: Period;
	/** whether the period started at the forum's previous meeting (otherwise: the last full month) */
	sincePrevious: boolean;
	sla: { response: SlaRow[]; resolution: SlaRow[]; target: { response: number | null; resolution: number | null } };
	trend: TrendPoint[];
	kpis: KpiValue[];
	incidents: TicketLine[];
	escalations: TicketLine[];
	changes: {
		byOutcome: { outcome: string; n: number }[];
		byType: { type: string; n: number }[];
		upcoming: CabCandidate[];
	};
	cab: boolean;
}

export async function slidePeriod(db: Db, meetingId: string): Promise<{ period: Period; sincePrevious: boolean }> {
	const meeting = await db.selectFrom('meetings').select(['forum_id', 'starts_at']).where('id', '=', meetingId).executeTakeFirstOrThrow();
	const previous = await db
		.selectFrom('meetings')
		.select('starts_at')
		.where('forum_id', '=', meeting.forum_id)
		.where('starts_at', '<', meeting.starts_at)
		.orderBy('starts_at', 'desc')
		.executeTakeFirst();
	if (previous) return { period: { from: previous.starts_at, to: meeting.starts_at }, sincePrevious: true };
	const start = DateTime.fromISO(meeting.starts_at).setZone(DEFAULT_TIME_ZONE).startOf('month');
	return { period: { from: start.minus({ months: 1 }).toUTC().toISO()!, to: start.toUTC().toISO()! }, sincePrevious: false };
}

const line = (r: {
	id: string;
	number: string;
	title: string | null;
	priority: number | null;
	opened_at: string;
	resolved_at: string | null;
	status: string;
	major_incident: number;
	res_breach_at: string | null;
}): TicketLine => ({
	id: r.id,
	number: r.number,
	title: r.title,
	priority: r.priority,
	openedAt: r.opened_at,
	resolvedAt: r.resolved_at,
	status: r.status,
	major: r.major_incident === 1,
	breached: r.res_breach_at !== null
});

const LINE_COLUMNS = ['id', 'number', 'title', 'priority', 'opened_at', 'resolved_at', 'status', 'major_incident', 'res_breach_at'] as const;

export async function slideDeck(db: Db, actor: Actor, meetingId: string, now = new Date()): Promise<SlideDeck> {
	const meeting = await findMeetingRef(db, meetingId);
	authorize(actor, 'meeting.read', { customerId: meeting.customer_id, kind: 'Meeting' });
	const customerId = meeting.customer_id;
	const { period, sincePrevious } = await slidePeriod(db, meetingId);
	const { from, to } = period;

	const monthEnd = DateTime.fromISO(to).setZone(DEFAULT_TIME_ZONE).startOf('month').plus({ months: 1 });
	const months = Array.from({ length: 12 }, (_, i) => monthEnd.minus({ months: 12 - i }));
	const [report, trend, incidents, escalations, changeRows, cab] = await Promise.all([
		kpiReport(db, actor, customerId, period, now),
		Promise.all(
			months.map(async (m): Promise<TrendPoint> => {
				const r = await slaReport(db, actor, customerId, { from: m.toUTC().toISO()!, to: m.plus({ months: 1 }).toUTC().toISO()! }, now);
				return { month: m.toISODate()!, response: r.total.response.compliance, resolution: r.total.resolution.compliance };
			})
		),
		db
			.selectFrom('tickets')
			.select(LINE_COLUMNS)
			.where('customer_id', '=', customerId)
			.where('kind', '=', 'incident')
			.where('priority', '<=', 2)
			.where('opened_at', '>=', from)
			.where('opened_at', '<', to)
			.orderBy('priority')
			.orderBy('opened_at')
			.limit(12)
			.execute(),
		db
			.selectFrom('tickets')
			.select(LINE_COLUMNS)
			.where('customer_id', '=', customerId)
			.where((eb) => eb.or([eb.and([eb('res_breach_at', '>=', from), eb('res_breach_at', '<', to)]), eb.and([eb('major_incident', '=', 1), eb('opened_at', '>=', from), eb('opened_at', '<', to)])]))
			.orderBy('priority')
			.orderBy('opened_at')
			.limit(12)
			.execute(),
		db
			.selectFrom('tickets')
			.select(['change_type', 'change_outcome', sql<number>`count(*)`.as('n')])
			.where('customer_id', '=', customerId)
			.where('kind', '=', 'change')
			.where(sql`coalesce(actual_end, closed_at, resolved_at)`, '>=', from)
			.where(sql`coalesce(actual_end, closed_at, resolved_at)`, '<', to)
			.groupBy(['change_type', 'change_outcome'])
			.execute(),
		isCabMeeting(db, meeting)
	]);
	const sum = (key: 'change_type' | 'change_outcome') => {
		const totals = new Map<string, number>();
		for (const r of changeRows) totals.set(r[key] ?? 'unknown', (totals.get(r[key] ?? 'unknown') ?? 0) + Number(r.n));
		return [...totals.entries()].sort((a, b) => b[1] - a[1]);
	};
	const target = (kpi: string) => report.kpis.find((k) => k.kpi === kpi)?.target ?? null;
	return {
		period,
		sincePrevious,
		sla: { response: report.sla.response, resolution: report.sla.resolution, target: { response: target('sla_response'), resolution: target('sla_resolution') } },
		trend,
		kpis: report.kpis,
		incidents: incidents.map(line),
		escalations: escalations.map(line),
		changes: {
			byOutcome: sum('change_outcome').map(([outcome, n]) => ({ outcome, n })),
			byType: sum('change_type').map(([type, n]) => ({ type, n })),
			upcoming: await cabCandidates(db, meeting)
		},
		cab
	};
}
