/** The upsert's key lookup reads in pages: every stored ticket is found once, across page edges, and only its own customer's and source's. */
import { describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { storeTickets } from './store';
import { CUSTOMER, itsmDbForEachTest, OTHER } from './test/itsm-db';
import { DEFAULT_SETTINGS, slaPolicy } from './sla/sla-settings';
import { ticketKeys } from './tickets.repository';
import type { TicketDraft } from './ticket.types';

const opened = Date.parse('2026-03-02T08:00:00.000Z');
const draft = (number: string, source = 'test', title: string | null = null): TicketDraft => ({
	source, sourceId: null, number, kind: 'incident', title, statusRaw: 'New', status: 'new', priorityRaw: '3', priority: 3, impact: null,
	urgency: null, category: null, service: null, channel: null, assignmentGroup: null, openedAt: opened, firstResponseAt: null, resolvedAt: null,
	closedAt: null, reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet: null, satisfaction: null, changeType: null,
	changeRisk: null, cabRequired: null, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null, changeOutcome: null,
	history: [{ at: opened, status: 'new', statusRaw: 'New', priority: 3 }]
});
const store = (db: Db, customer: string, drafts: TicketDraft[]) => storeTickets(db, customer, drafts, slaPolicy(DEFAULT_SETTINGS), null, new Date().toISOString());

let db: Db;
itsmDbForEachTest((fresh) => (db = fresh));

describe('ticketKeys', () => {
	it('finds every ticket of a source across pages, and a re-import sees them all as unchanged or updated', async () => {
		// 4,501 numbers whose text order differs from their numeric order, so page edges fall mid-range
		const numbers = Array.from({ length: 4_501 }, (_, i) => `INC${(i * 7919) % 100_003}`);
		await store(db, CUSTOMER, numbers.map((n) => draft(n)));
		await store(db, CUSTOMER, [draft('INC1', 'other-source')]);
		await store(db, OTHER, [draft(numbers[0])]);

		let pages = 0;
		const keys = await ticketKeys(db, CUSTOMER, 'test', async () => {
			pages++;
		});
		expect(keys.size).toBe(4_501);
		expect([...keys.keys()].sort()).toEqual([...numbers].sort());
		expect(pages).toBe(2);
		const stored = await db.selectFrom('tickets').select(['id', 'number']).where('customer_id', '=', CUSTOMER).where('source', '=', 'test').execute();
		for (const r of stored) expect(keys.get(r.number)?.id).toBe(r.id);

		const again = await store(db, CUSTOMER, numbers.map((n, i) => draft(n, 'test', i === 4_500 ? 'changed' : null)));
		expect(again).toEqual({ created: 0, updated: 1, unchanged: 4_500 });
	}, 60_000);
});
