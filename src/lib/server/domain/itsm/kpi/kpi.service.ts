/**
 * KPIs of a period: SLA compliance, MTTR per priority and overall (mttr.ts),
 * new / resolved / backlog at period end, reopened tickets (count and rate,
 * below), first-contact resolution where the source reports
 * reassignments, major incidents, change success / failure / emergency share,
 * satisfaction, and the manual KPIs entered for the period. Each with its
 * target and traffic light.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/audit.repository';
import { notFound } from '../../errors';
import { newId, nowIso } from '../../ids';
import { authorize } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { DEFAULT_TIME_ZONE } from '../../time';
import { line, multilineText, parseInput, text } from '../../validation';
import type { Period } from '../period';
import { authorizeItsmRead } from '../read-access';
import { slaReport, type SlaReport } from '../sla/sla-report.service';
import { TICKET_KINDS } from '../ticket.types';
import { changeCountsByTypeAndOutcome } from '../tickets.repository';
import { light, type Light } from './kpi-targets';
import { loadTargets } from './kpi-targets.service';
import { eventSums, type KpiEvent } from './kpi-daily.repository';
import { countDoneAfterPerKind, countStillOpenPerKind, deleteManualKpi, insertManualKpi, listManualKpis } from './kpi.repository';
import { mttrOf, type MttrFigure, type MttrRow } from './mttr';

export type { MttrFigure, MttrRow };

export interface KpiValue {
	kpi: string;
	value: number | null;
	/** what the value counts: share (0..1), hours, count, score */
	unit: 'share' | 'hours' | 'count' | 'score' | string;
	target: number | null;
	amber: number | null;
	light: Light | null;
	/** manual KPIs: entered by a person for the period */
	manual?: boolean;
	name?: string;
	/** shares of tickets: how many tickets are behind the value, and whether they are too few to show it (sample-size.ts) */
	tickets?: number;
	tooFewTickets?: boolean;
}

export interface KpiReport {
	period: Period;
	kpis: KpiValue[];
	mttr: MttrRow[];
	/** every resolved incident with a priority: the sum of the `mttr` rows */
	mttrOverall: MttrFigure;
	/** reopenFigures: tickets reopened in the period, and that against the tickets resolved in it */
	reopen: ReopenFigures;
	volumes: { kind: string; opened: number; resolved: number; backlog: number }[];
	sla: SlaReport;
}

/**
 * Reopened tickets of a period — the one definition every surface shows:
 * `reopened` counts the tickets (any kind) whose last reopen (sla-engine
 * reopenTime) falls in the period, whether or not they have been resolved
 * again; `rate` is that count over the tickets resolved in the period
 * (null when none were). Beside the figure the pages write this out
 * (itsm_reopen_definition).
 */
export interface ReopenFigures {
	reopened: number;
	resolved: number;
	rate: number | null;
}


/** manual KPIs are entered for Stockholm calendar dates */
const localDate = (iso: string) => DateTime.fromISO(iso).setZone(DEFAULT_TIME_ZONE).toISODate()!;
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const reopenFigures = (reopened: number, resolved: number): ReopenFigures => ({ reopened, resolved, rate: share(reopened, resolved) });

/** The KPIs as the ITSM API and pages read them: a member needs the SLA report granted (read-access.ts). */
export async function readKpiReport(db: Db, actor: Actor, customerId: string, period: Period, now = new Date()): Promise<KpiReport> {
	await authorizeItsmRead(db, actor, customerId, 'sla');
	return kpiReport(db, actor, customerId, period, now);
}

/**
 * The KPIs themselves, checking only that the actor sees the customer: for
 * services that gate by their own rule first (the portal's case-handling
 * report, a meeting's slides). Routes call readKpiReport.
 */
export async function kpiReport(db: Db, actor: Actor, customerId: string, period: Period, now = new Date()): Promise<KpiReport> {
	authorize(actor, 'ticket.read', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const { from, to } = period;
	// The backlog's counts per kind: conditional sums in one pass over a covering index (kpi.repository.ts).
	const byKind = (row: Record<string, unknown> | undefined): Record<string, number> =>
		Object.fromEntries(TICKET_KINDS.map((k) => [k, Number(row?.[k] ?? 0)]));

	const [sla, targets, mttr, sums, stillOpen, doneAfter, changes, manual] = await Promise.all([
		slaReport(db, actor, customerId, period, now),
		loadTargets(db, customerId),
		mttrOf(db, customerId, period),
		// opened, resolved and reopened tickets per kind: the daily aggregate for whole days, the indexes for the edges
		eventSums(db, customerId, from, to),
		// open at period end: opened before it and not done before it, i.e. still open or done only after it.
		// Both are short ranges of tickets_backlog_idx for recent periods (not every ticket before the end).
		countStillOpenPerKind(db, customerId, to),
		countDoneAfterPerKind(db, customerId, to),
		// tickets_change_idx covers this
		changeCountsByTypeAndOutcome(db, customerId, from, to),
		listManualKpis(db, customerId, localDate(from), localDate(to))
	]);

	const of = (event: KpiEvent) => sums.filter((r) => r.event === event);
	const total = (event: KpiEvent, key: 'n' | 'major' | 'firstContact' | 'reassigned' | 'rated' | 'satisfaction') => of(event).reduce((a, r) => a + r[key], 0);
	const countsBy = (event: KpiEvent) => Object.fromEntries(TICKET_KINDS.map((k) => [k, of(event).find((r) => r.kind === k)?.n ?? 0]));
	const openedBy = countsBy('opened');
	const resolvedBy = countsBy('resolved');
	const openBy = byKind(stillOpen);
	const doneAfterBy = byKind(doneAfter);
	const volumes = TICKET_KINDS.map((kind) => ({ kind, opened: openedBy[kind], resolved: resolvedBy[kind], backlog: openBy[kind] + doneAfterBy[kind] })).filter(
		(v) => v.opened + v.resolved + v.backlog > 0
	);

	const allResolved = Object.values(resolvedBy).reduce((a, n) => a + n, 0);
	const reopen = reopenFigures(total('reopened', 'n'), allResolved);
	const rated = total('resolved', 'rated');
	const satisfactionSum = total('resolved', 'satisfaction');
	const changeTotal = changes.filter((c) => c.change_outcome && c.change_outcome !== 'cancelled').reduce((a, c) => a + Number(c.n), 0);
	const changeCount = (pred: (c: (typeof changes)[number]) => boolean) => changes.filter(pred).reduce((a, c) => a + Number(c.n), 0);
	const allChanges = changeCount(() => true);

	const values: Omit<KpiValue, 'target' | 'amber' | 'light'>[] = [
		{ kpi: 'sla_response', value: sla.total.response.compliance, unit: 'share', tickets: sla.total.response.tickets, tooFewTickets: sla.total.response.tooFewTickets },
		{ kpi: 'sla_resolution', value: sla.total.resolution.compliance, unit: 'share', tickets: sla.total.resolution.tickets, tooFewTickets: sla.total.resolution.tooFewTickets },
		{ kpi: 'mttr_hours', value: mttr.overall.meanHours, unit: 'hours' },
		{ kpi: 'mttr_median_hours', value: mttr.overall.medianHours, unit: 'hours' },
		...mttr.byPriority.map((m) => ({ kpi: `mttr_p${m.priority}_hours`, value: m.meanHours, unit: 'hours' })),
		{ kpi: 'opened', value: volumes.reduce((a, v) => a + v.opened, 0), unit: 'count' },
		{ kpi: 'resolved', value: allResolved, unit: 'count' },
		{ kpi: 'backlog', value: volumes.reduce((a, v) => a + v.backlog, 0), unit: 'count' },
		{ kpi: 'reopened', value: reopen.reopened, unit: 'count' },
		{ kpi: 'reopen_rate', value: reopen.rate, unit: 'share' },
		// only when the source reports reassignments at all; otherwise every ticket would look first-contact
		{ kpi: 'first_contact_resolution', value: total('resolved', 'reassigned') > 0 ? share(total('resolved', 'firstContact'), resolvedBy.incident) : null, unit: 'share' },
		{ kpi: 'major_incidents', value: total('opened', 'major'), unit: 'count' },
		{ kpi: 'change_success_rate', value: share(changeCount((c) => c.change_outcome === 'successful'), changeTotal), unit: 'share' },
		{ kpi: 'change_failed_share', value: share(changeCount((c) => c.change_outcome === 'failed' || c.change_outcome === 'backed_out'), changeTotal), unit: 'share' },
		{ kpi: 'change_emergency_share', value: share(changeCount((c) => c.change_type === 'emergency'), allChanges), unit: 'share' },
		{ kpi: 'satisfaction', value: rated ? satisfactionSum / rated : null, unit: 'score' }
	];
	const withLight = (v: Omit<KpiValue, 'target' | 'amber' | 'light'>): KpiValue => {
		const t = targets.find((x) => x.kpi === v.kpi);
		return { ...v, target: t?.target ?? null, amber: t?.amber ?? null, light: v.tooFewTickets ? null : light(v.value, t) };
	};
	const kpis = [
		...values.map(withLight),
		...manual.map((m) => withLight({ kpi: m.kpi, name: m.name, value: m.value, unit: m.unit ?? 'score', manual: true }))
	];
	return { period, kpis, mttr: mttr.byPriority, mttrOverall: mttr.overall, reopen, volumes, sla };
}

export const ManualKpiInput = z.strictObject({
	kpi: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'kpi.key_format'),
	name: text(120),
	periodFrom: z.iso.date(),
	periodTo: z.iso.date(),
	value: z.number().finite(),
	unit: line(20).optional(),
	note: multilineText(500).optional()
});

/** A manual KPI value for a period (e.g. a user survey); entering it again replaces it. */
export async function enterManualKpi(db: Db, actor: Actor, customerId: string, input: unknown) {
	authorize(actor, 'kpi.enter', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const k = parseInput(ManualKpiInput.refine((v) => v.periodFrom < v.periodTo, { message: 'field.after_period_from', path: ['periodTo'] }), input);
	return db.transaction().execute(async (tx) => {
		await deleteManualKpi(tx, customerId, k.kpi, k.periodFrom, k.periodTo);
		const row = {
			id: newId(),
			customer_id: customerId,
			kpi: k.kpi,
			name: k.name,
			period_from: k.periodFrom,
			period_to: k.periodTo,
			value: k.value,
			unit: k.unit ?? null,
			note: k.note ?? null,
			entered_by: actor.personId,
			entered_at: nowIso()
		};
		await insertManualKpi(tx, row);
		await recordAudit(tx, actor, { action: 'kpi.enter', entity: 'manual_kpi', entityId: row.id, customerId, after: k });
		return row;
	});
}
