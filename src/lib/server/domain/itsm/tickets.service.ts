/** Reading tickets: the list with filters, as the API and the tickets page show it. */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { parseInput } from '../validation';
import { parsePeriod } from './period';
import { authorizeItsmRead } from './read-access';
import { STATUS_CATEGORIES, TICKET_KINDS } from './ticket.types';
import { ticketView } from './ticket-view';
import { listTickets } from './tickets.repository';

export const TicketListQuery = z.object({
	kind: z.enum(TICKET_KINDS).optional(),
	priority: z.coerce.number().int().min(1).max(5).optional(),
	status: z.enum(STATUS_CATEGORIES).optional(),
	from: z.string().optional(),
	to: z.string().optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(100),
	offset: z.coerce.number().int().min(0).max(10_000_000).default(0)
});

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
