/**
 * Upserts assembled tickets by (source, number) with their SLA outcome. A
 * ticket whose content hash is unchanged is not written at all, so importing
 * the same file twice changes nothing (not even updated_at).
 *
 * Two steps, so that an import's transaction holds the database only for the
 * writes: prepareTickets (SLA engine, rows, hashes: the CPU work) runs before
 * it, storePrepared inside it. Both give the event loop a turn every few
 * milliseconds (better-sqlite3 answers synchronously, so awaiting a query alone
 * never does).
 */
import type { Executor } from '$lib/server/db';
import { newId } from '../ids';
import { yielder } from './cooperative';
import { rebuildKpiDaily } from './kpi/kpi-daily.repository';
import { rebuildSlaDaily } from './sla/sla-daily.repository';
import { computeSla, type SlaPolicy } from './sla/sla-engine';
import { toRow, type TicketContent } from './ticket-row';
import type { TicketDraft } from './ticket.types';
import { INSERT_BATCH, insertTickets, removeTicketsBySourceId, ticketKeys, updateTicket, type TicketRow } from './tickets.repository';

export interface StoreResult {
	created: number;
	updated: number;
	unchanged: number;
}

/** The stored content of each ticket, with its SLA outcome under `policy`. */
export async function prepareTickets(drafts: TicketDraft[], policy: SlaPolicy): Promise<TicketContent[]> {
	const pause = yielder();
	const rows: TicketContent[] = new Array(drafts.length);
	for (let i = 0; i < drafts.length; i++) {
		rows[i] = toRow(drafts[i], computeSla(drafts[i], policy));
		if (i % 64 === 63) await pause();
	}
	return rows;
}

export async function storePrepared(db: Executor, customerId: string, prepared: TicketContent[], importId: string | null, now: string): Promise<StoreResult> {
	const pause = yielder();
	const result: StoreResult = { created: 0, updated: 0, unchanged: 0 };
	const bySource = new Map<string, TicketContent[]>();
	for (const row of prepared) {
		const list = bySource.get(row.source);
		if (list) list.push(row);
		else bySource.set(row.source, [row]);
	}
	for (const [source, list] of bySource) {
		const existing = await ticketKeys(db, customerId, source, pause);
		await pause();
		let inserts: TicketRow[] = [];
		for (const row of list) {
			const found = existing.get(row.number);
			if (!found) {
				inserts.push({ ...row, id: newId(), customer_id: customerId, import_id: importId, created_at: now, updated_at: now });
				result.created++;
			} else if (found.hash === row.content_hash) {
				result.unchanged++;
			} else {
				await updateTicket(db, found.id, { ...row, import_id: importId, updated_at: now });
				result.updated++;
				await pause();
			}
			if (inserts.length === INSERT_BATCH) {
				await insertTickets(db, inserts);
				inserts = [];
				await pause();
			}
		}
		await insertTickets(db, inserts);
	}
	if (result.created + result.updated > 0) {
		await rebuildSlaDaily(db, customerId, pause);
		await rebuildKpiDaily(db, customerId, pause);
	}
	return result;
}

/**
 * Removes tickets the source reports deleted (by source id), and rebuilds the
 * SLA and KPI aggregates when something went: the figures then count as if
 * the ticket had never been imported. Returns the numbers removed.
 */
export async function removeStored(db: Executor, customerId: string, source: string, sourceIds: string[]): Promise<string[]> {
	if (sourceIds.length === 0) return [];
	const removed = await removeTicketsBySourceId(db, customerId, source, sourceIds);
	if (removed.length > 0) {
		const pause = yielder();
		await rebuildSlaDaily(db, customerId, pause);
		await rebuildKpiDaily(db, customerId, pause);
	}
	return removed.map((r) => r.number).sort();
}

export async function storeTickets(
	db: Executor,
	customerId: string,
	drafts: TicketDraft[],
	policy: SlaPolicy,
	importId: string | null,
	now: string
): Promise<StoreResult> {
	return storePrepared(db, customerId, await prepareTickets(drafts, policy), importId, now);
}
