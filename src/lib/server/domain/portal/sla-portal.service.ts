/**
 * The portal's SLA report: the ITSM engine's figures for one month or quarter
 * (the same numbers as GET /api/v1/customers/{id}/sla for that period), each
 * against the customer's target, a trend over the preceding periods, and the
 * tickets behind every figure.
 */
import { z } from 'zod';
import type { Localized } from '$lib/i18n';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { loadTargets } from '../itsm/kpi/kpi-targets.service';
import { periodLabels } from '../itsm/period';
import { slaLights, type SlaLights } from '../itsm/sla/sla-lights';
import { slaReport, type SlaReport } from '../itsm/sla/sla-report.service';
import { ticketView, type TicketView } from '../itsm/ticket-view';
import { parseInput } from '../validation';
import { authorizeReport } from '../tenancy/report-grants.service';
import { parseReportPeriod, trailingPeriods, type ReportPeriod } from './report-period';
import { ticketsDecidedIn } from './report-tickets.repository';

export interface SlaTarget {
	target: number;
	amber: number;
}

export interface PortalSlaReport {
	period: ReportPeriod;
	/** the period's one label (itsm/period.ts formatPeriod) */
	periodLabel: Localized;
	sla: SlaReport;
	targets: { response: SlaTarget | null; resolution: SlaTarget | null };
	lights: SlaLights;
	/** oldest first, ending with the report's period */
	trend: {
		key: string;
		from: string;
		to: string;
		response: number | null;
		resolution: number | null;
		/** tickets behind each share, and whether they are too few to show it (itsm/sample-size.ts) */
		tickets: { response: number; resolution: number };
		tooFewTickets: { response: boolean; resolution: boolean };
	}[];
}

const TREND = { month: 12, quarter: 4 } as const;

export async function portalSlaReport(db: Db, actor: Actor, customerId: string, periodKey: string | null, now = new Date()): Promise<PortalSlaReport> {
	await authorizeReport(db, actor, customerId, 'sla');
	const period = parseReportPeriod(periodKey, now);
	const targets = await loadTargets(db, customerId);
	const t = (kpi: string) => targets.find((x) => x.kpi === kpi);
	const sla = await slaReport(db, actor, customerId, { from: period.from, to: period.to }, now);
	const trendPeriods = trailingPeriods(period, TREND[period.kind]);
	const trend = [];
	for (const p of trendPeriods) {
		const r = p.key === period.key ? sla : await slaReport(db, actor, customerId, { from: p.from, to: p.to }, now);
		const { response, resolution } = r.total;
		trend.push({
			key: p.key,
			from: p.from,
			to: p.to,
			response: response.compliance,
			resolution: resolution.compliance,
			tickets: { response: response.tickets, resolution: resolution.tickets },
			tooFewTickets: { response: response.tooFewTickets, resolution: resolution.tooFewTickets }
		});
	}
	const resp = t('sla_response');
	const res = t('sla_resolution');
	return {
		period,
		periodLabel: periodLabels(period),
		sla,
		targets: {
			response: resp ? { target: resp.target, amber: resp.amber } : null,
			resolution: res ? { target: res.target, amber: res.amber } : null
		},
		lights: slaLights(sla, targets),
		trend
	};
}

export const DrillDownQuery = z.object({
	period: z.string().max(20).optional(),
	metric: z.enum(['response', 'resolution']),
	outcome: z.enum(['met', 'breached']),
	/** without: every priority (the total row) */
	priority: z.coerce.number().int().min(1).max(5).optional(),
	limit: z.coerce.number().int().min(1).max(5000).default(500),
	offset: z.coerce.number().int().min(0).max(10_000_000).default(0)
});

const COLUMN = {
	response: { met: 'resp_met_at', breached: 'resp_breach_at' },
	resolution: { met: 'res_met_at', breached: 'res_breach_at' }
} as const;

/**
 * The tickets behind one figure of the report: those whose outcome of the
 * metric was decided in the period, by the same rule the figure counts them
 * (a breach counts once its moment has passed).
 */
export async function slaDrillDown(db: Db, actor: Actor, customerId: string, input: unknown, now = new Date()) {
	await authorizeReport(db, actor, customerId, 'sla');
	const q = parseInput(DrillDownQuery, input);
	const period = parseReportPeriod(q.period, now);
	const col = COLUMN[q.metric][q.outcome];
	const nowIso = now.toISOString();
	const to = q.outcome === 'breached' && nowIso < period.to ? nowIso : period.to;
	// the total row sums the five priorities; tickets without one are in no figure
	const { rows, total } = await ticketsDecidedIn(db, customerId, { column: col, from: period.from, to, priority: q.priority, limit: q.limit, offset: q.offset });
	const tickets: TicketView[] = rows.map((r) => ticketView(r, nowIso));
	return { period, metric: q.metric, outcome: q.outcome, priority: q.priority ?? null, total, tickets, limit: q.limit, offset: q.offset };
}
