/** Reading tickets: the list with filters, as the API and the tickets page show it. */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { parseInput } from '../validation';
import { parsePeriod } from './period';
import { authorizeItsmRead } from './read-access';
import { STATUS_CATEGORIES, TICKET_KINDS } from './ticket.types';
import { listTickets, type TicketRow } from './tickets.repository';

export const TicketListQuery = z.object({
	kind: z.enum(TICKET_KINDS).optional(),
	priority: z.coerce.number().int().min(1).max(5).optional(),
	status: z.enum(STATUS_CATEGORIES).optional(),
	from: z.string().optional(),
	to: z.string().optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(100),
	offset: z.coerce.number().int().min(0).max(10_000_000).default(0)
});

export interface TicketView {
	id: string;
	source: string;
	number: string;
	kind: string;
	title: string | null;
	status: string;
	statusRaw: string | null;
	priority: number | null;
	priorityRaw: string | null;
	service: string | null;
	assignmentGroup: string | null;
	openedAt: string;
	resolvedAt: string | null;
	closedAt: string | null;
	majorIncident: boolean;
	reopenCount: number;
	reopenedAt: string | null;
	active: boolean | null;
	sourceSlaMet: boolean | null;
	sla: {
		response: 'met' | 'breached' | 'pending' | null;
		resolution: 'met' | 'breached' | 'pending' | null;
		resolutionDueAt: string | null;
	};
	changeType: string | null;
	changeRisk: string | null;
	cabRequired: boolean | null;
	plannedStart: string | null;
	plannedEnd: string | null;
	changeOutcome: string | null;
}

const outcome = (met: string | null, breach: string | null, now: string) =>
	met ? 'met' : breach ? (breach <= now ? 'breached' : 'pending') : null;

export function ticketView(r: TicketRow, now = new Date().toISOString()): TicketView {
	return {
		id: r.id,
		source: r.source,
		number: r.number,
		kind: r.kind,
		title: r.title,
		status: r.status,
		statusRaw: r.status_raw,
		priority: r.priority,
		priorityRaw: r.priority_raw,
		service: r.service,
		assignmentGroup: r.assignment_group,
		openedAt: r.opened_at,
		resolvedAt: r.resolved_at,
		closedAt: r.closed_at,
		majorIncident: r.major_incident === 1,
		reopenCount: r.reopen_count,
		reopenedAt: r.reopened_at,
		active: r.active === null ? null : r.active === 1,
		sourceSlaMet: r.source_sla_met === null ? null : r.source_sla_met === 1,
		sla: {
			response: outcome(r.resp_met_at, r.resp_breach_at, now),
			resolution: outcome(r.res_met_at, r.res_breach_at, now),
			resolutionDueAt: r.res_met_at ? null : r.res_breach_at
		},
		changeType: r.change_type,
		changeRisk: r.change_risk,
		cabRequired: r.cab_required === null ? null : r.cab_required === 1,
		plannedStart: r.planned_start,
		plannedEnd: r.planned_end,
		changeOutcome: r.change_outcome
	};
}

/** Tickets opened in [from, to), newest first; without from/to all of them. A member needs the case-handling report. */
export async function ticketList(db: Db, actor: Actor, customerId: string, input: unknown) {
	await authorizeItsmRead(db, actor, customerId, 'cases');
	const q = parseInput(TicketListQuery, input);
	const period = q.from || q.to ? parsePeriod({ from: q.from ?? '2000-01-01', to: q.to ?? '2100-01-01' }) : null;
	const { rows, total } = await listTickets(db, {
		customerId,
		kind: q.kind,
		priority: q.priority,
		status: q.status,
		from: period?.from,
		to: period?.to,
		limit: q.limit,
		offset: q.offset
	});
	const now = new Date().toISOString();
	return { tickets: rows.map((r) => ticketView(r, now)), total, limit: q.limit, offset: q.offset };
}
