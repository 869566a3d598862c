/**
 * Upserts assembled tickets by (source, number) with their SLA outcome. A
 * ticket whose content hash is unchanged is not written at all, so importing
 * the same file twice changes nothing (not even updated_at).
 */
import type { Executor } from '$lib/server/db';
import { newId } from '../ids';
import { rebuildSlaDaily } from './sla/sla-daily.repository';
import { computeSla, type SlaPolicy } from './sla/sla-engine';
import { toRow } from './ticket-row';
import type { TicketDraft } from './ticket.types';
import { insertTickets, ticketKeys, updateTicket, type TicketRow } from './tickets.repository';

export interface StoreResult {
	created: number;
	updated: number;
	unchanged: number;
}

export async function storeTickets(
	db: Executor,
	customerId: string,
	drafts: TicketDraft[],
	policy: SlaPolicy,
	importId: string | null,
	now: string
): Promise<StoreResult> {
	const result: StoreResult = { created: 0, updated: 0, unchanged: 0 };
	const bySource = new Map<string, TicketDraft[]>();
	for (const d of drafts) {
		const list = bySource.get(d.source);
		if (list) list.push(d);
		else bySource.set(d.source, [d]);
	}
	for (const [source, list] of bySource) {
		const existing = await ticketKeys(db, customerId, source);
		const inserts: TicketRow[] = [];
		for (const d of list) {
			const row = toRow(d, computeSla(d, policy));
			const found = existing.get(d.number);
			if (!found) {
				inserts.push({ ...row, id: newId(), customer_id: customerId, import_id: importId, created_at: now, updated_at: now });
				result.created++;
			} else if (found.hash === row.content_hash) {
				result.unchanged++;
			} else {
				await updateTicket(db, found.id, { ...row, import_id: importId, updated_at: now });
				result.updated++;
			}
		}
		await insertTickets(db, inserts);
	}
	if (result.created + result.updated > 0) await rebuildSlaDaily(db, customerId);
	return result;
}
