/**
 * Who may read a customer's ITSM data through the ITSM API and pages
 * (tickets, SLA, KPIs, SLA settings, KPI targets, import history).
 *
 * They show the same figures as the portal's reports, so the portal's report
 * grants decide for people: supplier staff and the customer's admins read
 * everything, a customer member reads SLA figures only with the SLA report
 * granted and ticket lists only with the case-handling report granted (403
 * without it, 404 for another customer's data, as the portal's own report
 * routes answer). See docs/decisions.md, "ITSM reads follow the report grants".
 *
 * Not gated here: the figures of a meeting (the live room's slides, the
 * meeting page's figures, frozen figures in approved minutes). Those services
 * call slaReport / kpiReport directly after their own meeting check, because
 * whoever takes part in the meeting sees what is presented in it.
 */
import type { Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { authorize } from '../policy';
import { authorizeReport } from '../tenancy/report-grants.service';
import { findCustomer } from '../tenancy/tenancy.repository';

/** The portal report whose grant opens a kind of ITSM data to a member. */
export type ItsmReadReport = 'sla' | 'cases';

/** Throws unless the actor may read this kind of the customer's ITSM data (404 for other customers and unknown ids). */
export async function authorizeItsmRead(db: Executor, actor: Actor, customerId: string, report: ItsmReadReport): Promise<void> {
	if (actor.token) {
		// An API token goes by its scopes (tickets:read), not by report grants: a
		// supplier admin issues it for one customer's integration, and it is no
		// person a customer admin could grant reports to. actorFromToken makes it
		// a customer_member of the token's customer, so authorizeReport would
		// refuse it; the policy limits it to its scopes and its own customer.
		authorize(actor, 'ticket.read', { customerId, kind: 'Customer' });
		if (!(await findCustomer(db, customerId))) throw notFound('Customer');
		return;
	}
	await authorizeReport(db, actor, customerId, report);
}
