/**
 * The follow-up as read by people: the portal report "Avtal och fakturering"
 * (the 'agreement' report grant) and a meeting's invoicing figures and slide
 * (meeting.read: the meeting's own figures stay open to its customer's
 * people, like the SLA figures). Both compute with follow-up.ts.
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { invalid } from '../errors';
import { authorize } from '../policy';
import { authorizeReport } from '../tenancy/report-grants.service';
import { parseInput } from '../validation';
import { invoiceLinesOf, servicesOf, termsOf, toleranceOf } from './agreement.repository';
import { followUp, trendOf, type FollowUp, type TrendPoint } from './follow-up';
import { addMonths, Month, monthOf, monthsBetween, wholeMonthsOf } from './months';

export interface InvoicingReport extends FollowUp {
	customerId: string;
	from: string;
	to: string;
	/** the twelve months up to `to` */
	trend: TrendPoint[];
}

export const ReportQuery = z.strictObject({ from: Month.optional(), to: Month.optional() });

async function compute(db: Db, customerId: string, months: string[]): Promise<InvoicingReport> {
	const from = months[0];
	const to = months[months.length - 1];
	const trendFrom = addMonths(to, -11);
	const [services, terms, lines, toleranceBp] = await Promise.all([
		servicesOf(db, customerId),
		termsOf(db, customerId),
		invoiceLinesOf(db, customerId, trendFrom < from ? trendFrom : from, to),
		toleranceOf(db, customerId)
	]);
	return { customerId, from, to, ...followUp(services, terms, lines, months, toleranceBp), trend: trendOf(services, terms, lines, to, toleranceBp) };
}

/** The report of the months from `from` to `to` (default: the previous month, the last one invoiced). */
export async function invoicingReport(db: Db, actor: Actor, customerId: string, query: unknown, now = new Date()): Promise<InvoicingReport> {
	await authorizeReport(db, actor, customerId, 'agreement');
	const q = parseInput(ReportQuery, query);
	const last = addMonths(monthOf(now), -1);
	const to = q.to ?? q.from ?? last;
	const from = q.from ?? to;
	if (from > to) throw invalid('from comes after to', { from: 'agreement.month_order' });
	const months = monthsBetween(from, to);
	if (months.length > 24) throw invalid('At most 24 months at a time', { to: 'agreement.too_many_months' });
	return compute(db, customerId, months);
}

/**
 * The previous period's invoicing of a meeting: the whole months of its period
 * (months.ts wholeMonthsOf) that are over by now, so a meeting still to come
 * shows the months already invoiced, not the one in progress as "not invoiced".
 */
export async function meetingInvoicing(db: Db, actor: Actor, meeting: { customerId: string; firstDay: string; lastDay: string }, now = new Date()): Promise<InvoicingReport> {
	authorize(actor, 'meeting.read', { customerId: meeting.customerId, kind: 'Meeting' });
	const lastOver = addMonths(monthOf(now), -1);
	const months = wholeMonthsOf(meeting.firstDay, meeting.lastDay).filter((m) => m <= lastOver);
	return compute(db, meeting.customerId, months.length > 0 ? months : [lastOver]);
}
