/**
 * The portal's case-handling report for a month or quarter: the ITSM KPI
 * report (volumes by kind, MTTR, backlog, reopen rate, change success) plus
 * new tickets by category, channel and priority, changes by outcome, and the
 * backlog and MTTR trend over the preceding periods.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { kpiReport, type KpiReport } from '../itsm/kpi/kpi.service';
import { authorizeReport } from '../tenancy/report-grants.service';
import { parseReportPeriod, trailingPeriods, type ReportPeriod } from './report-period';
import { changeOutcomeCounts, openedCountsBy, type CountRow } from './report-tickets.repository';

/**
 * The KPI report without its SLA figures: those belong to the SLA report, and
 * a member granted only case handling must not read them here (see
 * itsm/read-access.ts for the same rule on the ITSM API).
 */
export type CasesKpis = Omit<KpiReport, 'sla'>;

const SLA_KPIS = ['sla_response', 'sla_resolution'];

const withoutSla = (k: KpiReport): CasesKpis => ({
	period: k.period,
	kpis: k.kpis.filter((x) => !SLA_KPIS.includes(x.kpi)),
	mttr: k.mttr,
	mttrOverall: k.mttrOverall,
	reopen: k.reopen,
	volumes: k.volumes
});

export interface CasesReport {
	period: ReportPeriod;
	kpi: CasesKpis;
	byCategory: CountRow[];
	byChannel: CountRow[];
	byPriority: CountRow[];
	changesByOutcome: CountRow[];
	trend: { key: string; opened: number; resolved: number; backlog: number; mttrP1: number | null; mttrP2: number | null; reopenRate: number | null }[];
}

const TREND = { month: 6, quarter: 4 } as const;

export async function casesReport(db: Db, actor: Actor, customerId: string, periodKey: string | null, now = new Date()): Promise<CasesReport> {
	await authorizeReport(db, actor, customerId, 'cases');
	const period = parseReportPeriod(periodKey, now);
	const kpi = await kpiReport(db, actor, customerId, { from: period.from, to: period.to });
	const [byCategory, byChannel, byPriority, changes] = await Promise.all([
		openedCountsBy(db, customerId, period, 'category'),
		openedCountsBy(db, customerId, period, 'channel'),
		openedCountsBy(db, customerId, period, 'priority'),
		changeOutcomeCounts(db, customerId, period)
	]);
	const trend = [];
	for (const p of trailingPeriods(period, TREND[period.kind])) {
		const k = p.key === period.key ? kpi : await kpiReport(db, actor, customerId, { from: p.from, to: p.to });
		const v = (name: string) => k.kpis.find((x) => x.kpi === name)?.value ?? null;
		trend.push({
			key: p.key,
			opened: k.volumes.reduce((a, x) => a + x.opened, 0),
			resolved: k.volumes.reduce((a, x) => a + x.resolved, 0),
			backlog: k.volumes.reduce((a, x) => a + x.backlog, 0),
			mttrP1: v('mttr_p1_hours'),
			mttrP2: v('mttr_p2_hours'),
			reopenRate: v('reopen_rate')
		});
	}
	return { period, kpi: withoutSla(kpi), byCategory, byChannel, byPriority, changesByOutcome: changes, trend };
}
