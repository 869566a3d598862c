/**
 * The figures behind the meeting's slides (ITSM): SLA compliance per priority
 * against target, the last twelve months' trend, the KPI table with traffic
 * lights, the P1/P2 incidents opened in the period, the escalated tickets
 * (itsm/escalations.ts says what counts) and changes. The period is the
 * meeting's (meeting-core/meeting-period.ts): whole days from the forum's previous
 * meeting to the day before this one, or the last full month.
 */
import { DateTime } from 'luxon';
import type { Localized } from '$lib/i18n';
import type { Db } from '$lib/server/db';
import type { Meeting } from '$lib/server/db/schema';
import type { Actor } from '../actor';
import type { KpiValue } from '../itsm/kpi/kpi.service';
import { kpiReport } from '../itsm/kpi/kpi.service';
import { escalatedTickets, priorityIncidents } from '../itsm/escalations';
import { periodLabels } from '../itsm/period';
import { isTooFewTickets } from '../itsm/sample-size';
import { slaReport, type SlaRow } from '../itsm/sla/sla-report.service';
import { meetingInvoicing, type InvoicingReport } from '../agreement/follow-up.service';
import { lastDayOf } from '../agreement/months';
import { changeCountsByTypeAndOutcome } from '../itsm/tickets.repository';
import { requireMeeting } from '../meeting-core/meeting-context';
import { meetingPeriodOf, type MeetingPeriod } from '../meeting-core/meeting-period';
import { authorize } from '../policy';
import { DEFAULT_TIME_ZONE } from '../time';
import { deckFor, type SlideKey } from '$lib/realtime/room/slides';
import { cabCandidates, forumKeyOfMeeting, type CabCandidate } from './cab-reads';

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
	/** tickets decided in the month, behind each share */
	tickets: { response: number; resolution: number };
	/** fewer tickets than the minimum: the share is not shown (itsm/sample-size.ts) */
	tooFewTickets: { response: boolean; resolution: boolean };
}

/** Tickets behind a table: how many there are in all, and the first of them. */
export interface TicketList {
	total: number;
	tickets: TicketLine[];
}

export interface SlideDeck {
	/** the meeting's period, with its one label in both languages */
	period: MeetingPeriod & { label: Localized };
	/** whether the period started at the forum's previous meeting (otherwise: the last full month) */
	sincePrevious: boolean;
	sla: { response: SlaRow[]; resolution: SlaRow[]; target: { response: number | null; resolution: number | null } };
	trend: TrendPoint[];
	kpis: KpiValue[];
	/** P1/P2 incidents opened in the period */
	incidents: TicketList;
	/** escalated tickets of the period (itsm/escalations.ts) */
	escalations: TicketList;
	changes: {
		byOutcome: { outcome: string; n: number }[];
		byType: { type: string; n: number }[];
		upcoming: CabCandidate[];
	};
	cab: boolean;
	/** the slides of this meeting's forum, in order: the room's slide index points into these */
	keys: readonly SlideKey[];
	/**
	 * The previous period's invoicing against the agreement (agreement/follow-up.ts): the whole
	 * months of the meeting's period, with their one label; null while the customer has no agreement
	 */
	invoicing: (InvoicingReport & { label: Localized }) | null;
}

/** A ticket row; "breached" once its resolution breach has happened (a projected one has not). */
const line = (now: Date) => (r: {
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
	breached: r.res_breach_at !== null && r.res_breach_at <= now.toISOString()
});

/** `meeting`: its id, or its row when the caller has just read it. */
export async function slideDeck(db: Db, actor: Actor, of: string | Meeting, now = new Date()): Promise<SlideDeck> {
	const meeting = typeof of === 'string' ? await requireMeeting(db, of) : of;
	authorize(actor, 'meeting.read', { customerId: meeting.customer_id, kind: 'Meeting' });
	const customerId = meeting.customer_id;
	const period = await meetingPeriodOf(db, meeting);
	const { from, to } = period;

	// the twelve months up to the one holding the period's last day
	const monthEnd = DateTime.fromISO(period.lastDay, { zone: DEFAULT_TIME_ZONE }).startOf('month').plus({ months: 1 });
	const months = Array.from({ length: 12 }, (_, i) => monthEnd.minus({ months: 12 - i }));
	const [report, trend, incidents, escalations, changeRows, forumKey, invoicing] = await Promise.all([
		kpiReport(db, actor, customerId, { from, to }, now),
		Promise.all(
			months.map(async (m): Promise<TrendPoint> => {
				const r = await slaReport(db, actor, customerId, { from: m.toUTC().toISO()!, to: m.plus({ months: 1 }).toUTC().toISO()! }, now);
				const { response, resolution } = r.total;
				return {
					month: m.toISODate()!,
					response: response.compliance,
					resolution: resolution.compliance,
					tickets: { response: response.tickets, resolution: resolution.tickets },
					tooFewTickets: { response: isTooFewTickets(response.tickets), resolution: isTooFewTickets(resolution.tickets) }
				};
			})
		),
		priorityIncidents(db, customerId, period),
		escalatedTickets(db, customerId, period, now),
		changeCountsByTypeAndOutcome(db, customerId, from, to),
		forumKeyOfMeeting(db, meeting),
		meetingInvoicing(db, actor, { customerId, firstDay: period.firstDay, lastDay: period.lastDay })
	]);
	const sum = (key: 'change_type' | 'change_outcome') => {
		const totals = new Map<string, number>();
		for (const r of changeRows) totals.set(r[key] ?? 'unknown', (totals.get(r[key] ?? 'unknown') ?? 0) + Number(r.n));
		return [...totals.entries()].sort((a, b) => b[1] - a[1]);
	};
	const target = (kpi: string) => report.kpis.find((k) => k.kpi === kpi)?.target ?? null;
	return {
		period: { ...period, label: periodLabels(period) },
		sincePrevious: period.sincePrevious,
		sla: { response: report.sla.response, resolution: report.sla.resolution, target: { response: target('sla_response'), resolution: target('sla_resolution') } },
		trend,
		kpis: report.kpis,
		incidents: { total: incidents.total, tickets: incidents.rows.map(line(now)) },
		escalations: { total: escalations.total, tickets: escalations.rows.map(line(now)) },
		changes: {
			byOutcome: sum('change_outcome').map(([outcome, n]) => ({ outcome, n })),
			byType: sum('change_type').map(([type, n]) => ({ type, n })),
			upcoming: await cabCandidates(db, meeting)
		},
		cab: forumKey === 'cab',
		keys: deckFor(forumKey),
		invoicing:
			invoicing.services.length === 0 ? null : { ...invoicing, label: periodLabels({ firstDay: `${invoicing.from}-01`, lastDay: lastDayOf(invoicing.to) }) }
	};
}
