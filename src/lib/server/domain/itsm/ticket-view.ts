/** A ticket as the API, the tickets page and the portal's drill-down show it. */
import type { TicketRow } from './tickets.repository';

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
