/**
 * What an escalation is, for the figures of a period (a meeting's slides, its
 * frozen minutes tables and their exports, the demo's minutes text):
 *
 *   an **escalated ticket** of a period is a ticket of the customer whose
 *   resolution SLA was breached in the period (its breach moment lies in the
 *   period and has already happened), or a major incident opened in the period.
 *
 * This is ticket escalation (the ITSM figures), not the escalation of an
 * action up the forum ladder (meetings/escalation.service.ts). The P1/P2
 * table counts something else, on purpose: the P1 and P2 incidents *opened*
 * in the period, breached or not. Each table's title says which it counts,
 * and both carry the full count, not just the rows shown.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { Period } from './period';
import { countAndFirstTickets } from './tickets.repository';

/** The ticket fields the rule looks at. */
export interface EscalationFacts {
	resBreachAt: string | null;
	majorIncident: boolean;
	openedAt: string;
}

/** A breach counts once it has happened: a projected breach still in the future is no escalation yet. */
const breachEnd = (period: Period, now: Date) => (period.to < now.toISOString() ? period.to : now.toISOString());

/** The rule itself, for one ticket (the SQL below is the same rule for many). */
export function isEscalated(t: EscalationFacts, period: Period, now = new Date()): boolean {
	const breached = t.resBreachAt !== null && t.resBreachAt >= period.from && t.resBreachAt < breachEnd(period, now);
	const major = t.majorIncident && t.openedAt >= period.from && t.openedAt < period.to;
	return breached || major;
}

/** The rule as a filter on `tickets`. */
export const escalatedIn =
	(period: Period, now = new Date()) =>
	(eb: ExpressionBuilder<Database, 'tickets'>) =>
		eb.or([
			eb.and([eb('res_breach_at', '>=', period.from), eb('res_breach_at', '<', breachEnd(period, now))]),
			eb.and([eb('major_incident', '=', 1), eb('opened_at', '>=', period.from), eb('opened_at', '<', period.to)])
		]);

/** What the P1/P2 table counts: P1 and P2 incidents opened in the period. */
export const priorityIncidentsIn = (period: Period) => (eb: ExpressionBuilder<Database, 'tickets'>) =>
	eb.and([eb('kind', '=', 'incident'), eb('priority', '<=', 2), eb('opened_at', '>=', period.from), eb('opened_at', '<', period.to)]);

/** The escalated tickets of a customer in a period: how many, and the first `limit`. */
export const escalatedTickets = (db: Db, customerId: string, period: Period, now = new Date(), limit = 12) =>
	countAndFirstTickets(db, customerId, escalatedIn(period, now), limit);

/** The P1/P2 incidents opened in a period: how many, and the first `limit`. */
export const priorityIncidents = (db: Db, customerId: string, period: Period, limit = 12) =>
	countAndFirstTickets(db, customerId, priorityIncidentsIn(period), limit);
