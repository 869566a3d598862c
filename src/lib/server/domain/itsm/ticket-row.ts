/** Conversions between the in-memory ticket (epoch ms) and its stored row (ISO text, JSON history). */
import { createHash } from 'node:crypto';
import type { TicketsTable } from '$lib/server/db/itsm-schema';
import { reopenTime, resolutionTime, type SlaOutcome } from './sla/sla-engine';
import { isDone, type HistoryEntry, type TicketDraft } from './ticket.types';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const ms = (v: string | null): number | null => (v === null ? null : Date.parse(v));
const bit = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

/** Stored history: times as ISO text, so the JSON reads well in exports. */
interface StoredHistory {
	at: string;
	status: HistoryEntry['status'];
	statusRaw: string | null;
	priority: HistoryEntry['priority'];
}

/** A stable hash of what an import says about a ticket: equal hash, nothing to update. */
export function contentHash(d: TicketDraft): string {
	return createHash('sha256').update(JSON.stringify(d)).digest('base64url');
}

export type TicketContent = Omit<TicketsTable, 'id' | 'customer_id' | 'import_id' | 'created_at' | 'updated_at'>;

const HOUR = 3_600_000;

export function toRow(d: TicketDraft, sla: SlaOutcome): TicketContent {
	// a source without a resolved-at column (event logs): the resolution from the status history, as the SLA engine takes it
	const resolvedAt = d.resolvedAt ?? resolutionTime(d);
	const history: StoredHistory[] = d.history.map((h) => ({ at: iso(h.at)!, status: h.status, statusRaw: h.statusRaw, priority: h.priority }));
	return {
		source: d.source,
		source_id: d.sourceId,
		number: d.number,
		kind: d.kind,
		title: d.title,
		status_raw: d.statusRaw,
		status: d.status,
		priority_raw: d.priorityRaw,
		priority: d.priority,
		impact: d.impact,
		urgency: d.urgency,
		category: d.category,
		service: d.service,
		channel: d.channel,
		assignment_group: d.assignmentGroup,
		opened_at: iso(d.openedAt)!,
		first_response_at: iso(d.firstResponseAt),
		resolved_at: iso(resolvedAt),
		closed_at: iso(d.closedAt),
		reopen_count: d.reopenCount,
		reopened_at: iso(reopenTime(d)),
		resolution_hours: resolvedAt === null ? null : (resolvedAt - d.openedAt) / HOUR,
		active: bit(d.active ?? null),
		reassignment_count: d.reassignmentCount,
		major_incident: d.majorIncident ? 1 : 0,
		source_sla_met: bit(d.sourceSlaMet),
		satisfaction: d.satisfaction,
		change_type: d.changeType,
		change_risk: d.changeRisk,
		cab_required: bit(d.cabRequired),
		planned_start: iso(d.plannedStart),
		planned_end: iso(d.plannedEnd),
		actual_start: iso(d.actualStart),
		actual_end: iso(d.actualEnd),
		change_outcome: d.changeOutcome,
		history: JSON.stringify(history),
		content_hash: contentHash(d),
		resp_met_at: iso(sla.response.metAt),
		resp_breach_at: iso(sla.response.breachAt),
		res_met_at: iso(sla.resolution.metAt),
		res_breach_at: iso(sla.resolution.breachAt),
		done_at: isDone(d.status) ? iso(resolvedAt ?? d.closedAt ?? d.history.findLast((h) => isDone(h.status))?.at ?? d.openedAt) : null
	};
}

export function fromRow(r: TicketsTable): TicketDraft {
	const history = (JSON.parse(r.history) as StoredHistory[]).map((h) => ({ ...h, at: Date.parse(h.at) }));
	return {
		source: r.source,
		sourceId: r.source_id,
		number: r.number,
		kind: r.kind as TicketDraft['kind'],
		title: r.title,
		statusRaw: r.status_raw,
		status: r.status as TicketDraft['status'],
		priorityRaw: r.priority_raw,
		priority: r.priority as TicketDraft['priority'],
		impact: r.impact,
		urgency: r.urgency,
		category: r.category,
		service: r.service,
		channel: r.channel,
		assignmentGroup: r.assignment_group,
		openedAt: Date.parse(r.opened_at),
		firstResponseAt: ms(r.first_response_at),
		resolvedAt: ms(r.resolved_at),
		closedAt: ms(r.closed_at),
		reopenCount: r.reopen_count,
		...(r.active !== null && { active: r.active === 1 }),
		reassignmentCount: r.reassignment_count,
		majorIncident: r.major_incident === 1,
		sourceSlaMet: r.source_sla_met === null ? null : r.source_sla_met === 1,
		satisfaction: r.satisfaction,
		changeType: r.change_type as TicketDraft['changeType'],
		changeRisk: r.change_risk,
		cabRequired: r.cab_required === null ? null : r.cab_required === 1,
		plannedStart: ms(r.planned_start),
		plannedEnd: ms(r.planned_end),
		actualStart: ms(r.actual_start),
		actualEnd: ms(r.actual_end),
		changeOutcome: r.change_outcome as TicketDraft['changeOutcome'],
		history
	};
}
