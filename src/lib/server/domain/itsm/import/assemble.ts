/**
 * Groups row events into tickets. An event log (several rows per number) gives
 * the status history; the current state is the row with the highest version
 * (ServiceNow `sys_mod_count`), then the latest update time, then file order —
 * never simply the last row of the file. A ticket with a single row gets a
 * history built from its own timestamps.
 */
import { yielder } from '../cooperative';
import type { HistoryEntry, TicketDraft } from '../ticket.types';
import type { TicketEvent } from './row-to-ticket';

function byVersion(a: TicketEvent, b: TicketEvent): number {
	if (a.version !== null && b.version !== null && a.version !== b.version) return a.version - b.version;
	if (a.eventAt !== null && b.eventAt !== null && a.eventAt !== b.eventAt) return a.eventAt - b.eventAt;
	return a.seq - b.seq;
}

/** Drops entries that repeat the previous status and priority. */
function compact(entries: HistoryEntry[]): HistoryEntry[] {
	const out: HistoryEntry[] = [];
	for (const e of entries) {
		const prev = out[out.length - 1];
		if (prev && prev.status === e.status && prev.statusRaw === e.statusRaw && prev.priority === e.priority) continue;
		out.push(e);
	}
	return out;
}

function historyFromEvents(events: TicketEvent[], openedAt: number): HistoryEntry[] {
	const entries: HistoryEntry[] = [];
	let at = openedAt;
	for (const e of events) {
		// an update cannot precede the previous one: file versions are the order
		at = Math.max(at, e.eventAt ?? at);
		entries.push({ at, status: e.ticket.status, statusRaw: e.ticket.statusRaw, priority: e.ticket.priority });
	}
	if (entries.length) entries[0] = { ...entries[0], at: Math.min(entries[0].at, openedAt) };
	return compact(entries);
}

function historyFromTimestamps(t: TicketEvent['ticket'], eventAt: number | null): HistoryEntry[] {
	const p = t.priority;
	const done = t.status === 'resolved' || t.status === 'closed' || t.status === 'cancelled';
	const entries: HistoryEntry[] = [];
	if (!done) {
		entries.push({ at: t.openedAt, status: t.status === 'new' ? 'new' : 'in_progress', statusRaw: null, priority: p });
		if (t.status !== 'new' && t.status !== 'in_progress') entries.push({ at: Math.max(eventAt ?? t.openedAt, t.openedAt), status: t.status, statusRaw: t.statusRaw, priority: p });
		else entries[0] = { ...entries[0], statusRaw: t.statusRaw };
		return compact(entries);
	}
	entries.push({ at: t.openedAt, status: 'in_progress', statusRaw: null, priority: p });
	if (t.status === 'cancelled') {
		entries.push({ at: Math.max(t.closedAt ?? eventAt ?? t.openedAt, t.openedAt), status: 'cancelled', statusRaw: t.statusRaw, priority: p });
		return entries;
	}
	const resolved = t.resolvedAt ?? t.closedAt ?? eventAt ?? t.openedAt;
	entries.push({ at: Math.max(resolved, t.openedAt), status: 'resolved', statusRaw: t.status === 'resolved' ? t.statusRaw : 'Resolved', priority: p });
	if (t.status === 'closed') entries.push({ at: Math.max(t.closedAt ?? resolved, resolved), status: 'closed', statusRaw: t.statusRaw, priority: p });
	return entries;
}

export interface Assembled {
	draft: TicketDraft;
	/** the file rows of this ticket */
	rows: number[];
}

/** Groups in short turns (cooperative.ts): the UCI log is 141,712 events. */
export async function assemble(events: TicketEvent[]): Promise<Assembled[]> {
	const pause = yielder();
	const groups = new Map<string, TicketEvent[]>();
	for (let i = 0; i < events.length; i++) {
		const e = events[i];
		const list = groups.get(e.ticket.number);
		if (list) list.push(e);
		else groups.set(e.ticket.number, [e]);
		if (i % 1024 === 1023) await pause();
	}
	const out: Assembled[] = [];
	for (const list of groups.values()) {
		list.sort(byVersion);
		const current = list[list.length - 1];
		// opened_at is the same on every row of ServiceNow logs; event logs without it start at their first event
		const openedAt = Math.min(...list.map((e) => e.ticket.openedAt));
		const history = list.length > 1 ? historyFromEvents(list, openedAt) : historyFromTimestamps(current.ticket, current.eventAt);
		out.push({ draft: { ...current.ticket, openedAt, history }, rows: list.map((e) => e.row) });
		if (out.length % 256 === 0) await pause();
	}
	return out;
}
