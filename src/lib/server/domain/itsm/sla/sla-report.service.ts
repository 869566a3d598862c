/**
 * SLA compliance for a period, per metric and priority: met ÷ (met + breached).
 * A ticket counts in the period in which its outcome was decided: when it was
 * met (responded / resolved in time) or when it breached. In-flight tickets
 * whose breach moment has passed count as breached; cancelled ones never count.
 * Whole days come from the daily aggregate, the period's edges from indexes
 * (sla-daily.repository.ts).
 *
 * Beside our figures stand the source system's own SLA flag (ServiceNow
 * made_sla) for the same tickets, and how many tickets the two disagree on.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../../actor';
import { notFound } from '../../errors';
import { authorize } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import type { Period } from '../period';
import { authorizeItsmRead } from '../read-access';
import { PRIORITIES } from '../ticket.types';
import { slaFlagDisagreements } from '../tickets.repository';
import { shareOf } from '../sample-size';
import { loadSlaSettings } from './settings.repository';
import { countDecisions, type Count } from './sla-daily.repository';

export interface SlaRow {
	priority: number;
	targetMinutes: number | null;
	calendar: 'business' | '24x7' | null;
	met: number;
	breached: number;
	/** met ÷ (met + breached), 0..1, or null when nothing was decided */
	compliance: number | null;
	/** met + breached: the tickets behind the share */
	tickets: number;
	/** fewer tickets than the minimum (sample-size.ts): show "too few tickets", not the share */
	tooFewTickets: boolean;
}

export interface SourceFlagRow {
	priority: number;
	met: number;
	breached: number;
	compliance: number | null;
	/** tickets where the source's flag and our outcome differ */
	disagree: number;
}

export interface SlaReport {
	period: Period;
	response: SlaRow[];
	resolution: SlaRow[];
	total: { response: SlaRow; resolution: SlaRow };
	/** the source's own flag over the tickets of our resolution figures that carry one */
	sourceFlag: { rows: SourceFlagRow[]; total: SourceFlagRow };
}

const ratio = (met: number, breached: number) => (met + breached === 0 ? null : met / (met + breached));
/** The share of met tickets with the tickets behind it. */
const compliance = (met: number, breached: number) => {
	const share = shareOf(met, met + breached);
	return { compliance: share.value, tickets: share.tickets, tooFewTickets: share.tooFewTickets };
};

/**
 * The SLA figures as the ITSM API and pages read them: a member needs the SLA
 * report granted (read-access.ts).
 */
export async function readSlaReport(db: Db, actor: Actor, customerId: string, period: Period, now = new Date()): Promise<SlaReport> {
	await authorizeItsmRead(db, actor, customerId, 'sla');
	return slaReport(db, actor, customerId, period, now);
}

/**
 * The figures themselves, checking only that the actor sees the customer: for
 * services that gate by their own rule first (the portal's reports, a
 * meeting's slides and figures). Routes call readSlaReport.
 */
export async function slaReport(db: Db, actor: Actor, customerId: string, period: Period, now = new Date()): Promise<SlaReport> {
	authorize(actor, 'ticket.read', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const settings = await loadSlaSettings(db, customerId);
	// a projected breach still in the future has not happened yet
	const breachTo = period.to < now.toISOString() ? period.to : now.toISOString();
	const [respMet, respBreached, resMet, resBreached] = await Promise.all([
		countDecisions(db, customerId, 'resp_met_at', period.from, period.to),
		countDecisions(db, customerId, 'resp_breach_at', period.from, breachTo),
		countDecisions(db, customerId, 'res_met_at', period.from, period.to),
		countDecisions(db, customerId, 'res_breach_at', period.from, breachTo)
	]);
	const sum = (rows: Count[], p: number, flag?: number) =>
		rows.filter((r) => r.priority === p && (flag === undefined || r.flag === flag)).reduce((a, r) => a + Number(r.n), 0);

	const metric = (kind: 'response' | 'resolution', met: typeof respMet, breached: typeof respMet): SlaRow[] =>
		PRIORITIES.map((p) => {
			const def = settings.definitions.find((d) => d.priority === p);
			const m = sum(met, p);
			const b = sum(breached, p);
			return {
				priority: p,
				targetMinutes: def ? (kind === 'response' ? def.responseMinutes : def.resolutionMinutes) : null,
				calendar: def?.calendar ?? null,
				met: m,
				breached: b,
				...compliance(m, b)
			};
		});
	const total = (rows: SlaRow[]): SlaRow => {
		const met = rows.reduce((a, r) => a + r.met, 0);
		const breached = rows.reduce((a, r) => a + r.breached, 0);
		return { priority: 0, targetMinutes: null, calendar: null, met, breached, ...compliance(met, breached) };
	};
	const response = metric('response', respMet, respBreached);
	const resolution = metric('resolution', resMet, resBreached);
	const flagRows: SourceFlagRow[] = PRIORITIES.map((p) => {
		const met = sum(resMet, p, 1) + sum(resBreached, p, 1);
		const breached = sum(resMet, p, 0) + sum(resBreached, p, 0);
		return { priority: p, met, breached, compliance: ratio(met, breached), disagree: sum(resMet, p, 0) + sum(resBreached, p, 1) };
	});
	const flagTotal = flagRows.reduce(
		(a, r) => ({ ...a, met: a.met + r.met, breached: a.breached + r.breached, disagree: a.disagree + r.disagree }),
		{ priority: 0, met: 0, breached: 0, compliance: null as number | null, disagree: 0 }
	);
	flagTotal.compliance = ratio(flagTotal.met, flagTotal.breached);
	return {
		period,
		response,
		resolution,
		total: { response: total(response), resolution: total(resolution) },
		sourceFlag: { rows: flagRows, total: flagTotal }
	};
}

/** Tickets decided in the period on which the source's flag and our outcome differ (for the "where" of the report). */
export async function slaDisagreements(db: Db, actor: Actor, customerId: string, period: Period, limit = 100, now = new Date()) {
	await authorizeItsmRead(db, actor, customerId, 'sla');
	const breachTo = period.to < now.toISOString() ? period.to : now.toISOString();
	return slaFlagDisagreements(db, customerId, period.from, period.to, breachTo, limit);
}
