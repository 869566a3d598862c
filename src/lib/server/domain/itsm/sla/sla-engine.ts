/**
 * Computes a ticket's SLA outcome per metric (response, resolution) from its
 * status history. Pure: no database, no clock except the `now` it is given.
 *
 * Rules (written down in docs/decisions.md, "ITSM data"):
 * - The resolution clock runs from opened until resolved, except while the raw
 *   status is a pause status, or the ticket is resolved/closed (a reopen starts
 *   it again and the final resolution counts). The response clock runs from
 *   opened until the first response and never pauses.
 * - Each stretch of time is measured in the calendar of the priority in force
 *   then; the target is that of the current priority. Raising the priority can
 *   therefore breach at once; lowering it never un-breaches: breach is sticky.
 * - An in-flight ticket gets its projected breach moment, so a report decides
 *   "already breached" by comparing that moment with the report's end.
 * - Cancelled tickets have no outcome.
 */
import type { HistoryEntry, Priority, StatusCategory, TicketDraft } from '../ticket.types';
import type { WorkCalendar } from './working-time';

export interface MetricTarget {
	/** target in working milliseconds, or null: no target for this metric */
	ms: number | null;
	calendar: WorkCalendar;
}

export interface SlaPolicy {
	/** by priority 1..5 */
	response: Partial<Record<Priority, MetricTarget>>;
	resolution: Partial<Record<Priority, MetricTarget>>;
	/** does this raw status pause the resolution clock? */
	isPause(statusRaw: string | null, status: StatusCategory): boolean;
}

export interface MetricOutcome {
	/** completion time when met within target */
	metAt: number | null;
	/** the (sticky) breach moment; for in-flight tickets possibly in the future */
	breachAt: number | null;
}

export interface SlaOutcome {
	response: MetricOutcome;
	resolution: MetricOutcome;
}

const NONE: MetricOutcome = { metAt: null, breachAt: null };

interface Segment {
	start: number;
	end: number;
	status: StatusCategory;
	statusRaw: string | null;
	priority: Priority | null;
}

/** History as consecutive segments from opened until `until` (Infinity for in flight). */
function segments(history: HistoryEntry[], openedAt: number, initialPriority: Priority | null, until: number): Segment[] {
	const out: Segment[] = [];
	let priority = history.find((h) => h.priority !== null)?.priority ?? initialPriority;
	const sorted = [...history].sort((a, b) => a.at - b.at);
	for (let i = 0; i < sorted.length; i++) {
		const h = sorted[i];
		if (h.priority !== null) priority = h.priority;
		const start = Math.max(h.at, openedAt);
		const end = Math.min(i + 1 < sorted.length ? sorted[i + 1].at : Infinity, until);
		if (end <= start && i + 1 < sorted.length) continue;
		out.push({ start, end: Math.max(start, end), status: h.status, statusRaw: h.statusRaw, priority });
	}
	return out;
}

/** Walks the segments with the clock running where `running` says; returns the breach moment or null. */
function walk(segs: Segment[], targets: Partial<Record<Priority, MetricTarget>>, running: (s: Segment) => boolean): number | null {
	let elapsed = 0;
	for (const seg of segs) {
		const t = seg.priority ? targets[seg.priority] : undefined;
		if (!t || t.ms === null) continue;
		// a priority raised past the time already spent breaches at the change
		if (elapsed > t.ms) return seg.start;
		if (!running(seg)) continue;
		const w = Number.isFinite(seg.end) ? t.calendar.worked(seg.start, seg.end) : Infinity;
		if (elapsed + w > t.ms) return t.calendar.addWorking(seg.start, t.ms - elapsed);
		elapsed += w;
	}
	return null;
}

const hasTarget = (targets: Partial<Record<Priority, MetricTarget>>, p: Priority | null) => p !== null && targets[p]?.ms != null;

/** The moment a ticket became resolved for good: resolved_at when known, else the last entry into resolved/closed. */
export function resolutionTime(t: Pick<TicketDraft, 'status' | 'resolvedAt' | 'closedAt' | 'history'>): number | null {
	if (!isSolved(t.status)) return null;
	if (t.resolvedAt !== null) return t.resolvedAt;
	const sorted = [...t.history].sort((a, b) => a.at - b.at);
	for (let i = sorted.length - 1; i >= 0; i--) {
		const done = isSolved(sorted[i].status);
		const before = i > 0 && isSolved(sorted[i - 1].status);
		if (done && !before) return sorted[i].at;
	}
	return t.closedAt;
}

const isSolved = (s: StatusCategory) => s === 'resolved' || s === 'closed';

/**
 * The moment a ticket was last reopened (docs/decisions.md, "KPIs: MTTR and
 * reopen"): the last move in its status history from resolved/closed back to
 * an open status; else the source's own reopen time; else, when the source
 * counts reopens but says nothing of when, its resolution time (the reopen
 * happened before it) or, still open, its latest known update. Null: never
 * reopened. A ticket is "reopened in a period" when this moment falls in it,
 * whether or not it has been resolved again.
 */
export function reopenTime(t: Pick<TicketDraft, 'status' | 'resolvedAt' | 'closedAt' | 'history' | 'reopenCount' | 'reopenedAt'>): number | null {
	const sorted = [...t.history].sort((a, b) => a.at - b.at);
	for (let i = sorted.length - 1; i > 0; i--) {
		if (isSolved(sorted[i - 1].status) && !isSolved(sorted[i].status) && sorted[i].status !== 'cancelled') return sorted[i].at;
	}
	if (t.reopenedAt != null) return t.reopenedAt;
	if (t.reopenCount <= 0) return null;
	return resolutionTime(t) ?? sorted[sorted.length - 1]?.at ?? null;
}

/**
 * First response: the recorded time, else the first move out of "new". A ticket
 * whose history never shows "new" and has no response time gives no evidence
 * either way (undefined): it gets no response figure rather than an invented one.
 */
export function responseTime(t: Pick<TicketDraft, 'firstResponseAt' | 'history' | 'openedAt'>, resolvedAt: number | null): number | null | undefined {
	if (t.firstResponseAt !== null) return t.firstResponseAt;
	const sorted = [...t.history].sort((a, b) => a.at - b.at);
	if (!sorted.some((h) => h.status === 'new')) return undefined;
	const moved = sorted.find((h) => h.status !== 'new' && h.at >= t.openedAt);
	return moved?.at ?? resolvedAt;
}

function metric(
	draft: TicketDraft,
	targets: Partial<Record<Priority, MetricTarget>>,
	completion: number | null,
	running: (s: Segment) => boolean
): MetricOutcome {
	const history = draft.history.length
		? draft.history
		: [{ at: draft.openedAt, status: draft.status, statusRaw: draft.statusRaw, priority: draft.priority }];
	const segs = segments(history, draft.openedAt, draft.priority, completion ?? Infinity);
	if (!segs.some((s) => hasTarget(targets, s.priority))) return NONE;
	if (completion !== null) {
		// completed: the clock cannot run past completion, whatever the history says after it
		const breachAt = walk(segs, targets, running);
		return breachAt !== null && breachAt < completion ? { metAt: null, breachAt } : { metAt: completion, breachAt: null };
	}
	// in flight: the last segment runs on, so a running clock has a projected breach
	return { metAt: null, breachAt: walk(segs, targets, running) };
}

export function computeSla(draft: TicketDraft, policy: SlaPolicy): SlaOutcome {
	if (draft.status === 'cancelled' || draft.kind === 'change' || draft.kind === 'problem') {
		return { response: NONE, resolution: NONE };
	}
	const resolved = resolutionTime(draft);
	const responded = responseTime(draft, resolved);
	return {
		response: responded === undefined ? NONE : metric(draft, policy.response, responded, () => true),
		resolution: metric(
			draft,
			policy.resolution,
			resolved,
			(s) => s.status !== 'resolved' && s.status !== 'closed' && s.status !== 'cancelled' && !policy.isPause(s.statusRaw, s.status)
		)
	};
}
