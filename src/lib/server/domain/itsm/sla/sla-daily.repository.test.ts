/**
 * The daily aggregate rebuilt month by month (so an import never stalls the
 * event loop on one long statement) holds exactly what one grouped statement
 * over all of a customer's tickets gives, across month and year boundaries.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { storeTickets } from '../store';
import type { TicketDraft } from '../ticket.types';
import { CUSTOMER, itsmDbForEachTest, OTHER } from '../test/itsm-db';
import { monthsCovering, rebuildSlaDaily, SLA_COLUMNS } from './sla-daily.repository';
import { DEFAULT_SETTINGS, slaPolicy } from './sla-settings';

function ticket(n: number, openedAt: number, resolvedAfterMs: number | null): TicketDraft {
	const priority = ((n % 4) + 1) as TicketDraft['priority'];
	const history: TicketDraft['history'] = [{ at: openedAt, status: 'in_progress', statusRaw: 'In Progress', priority }];
	const resolvedAt = resolvedAfterMs === null ? null : openedAt + resolvedAfterMs;
	if (resolvedAt !== null) history.push({ at: resolvedAt, status: 'resolved', statusRaw: 'Resolved', priority });
	return {
		source: 'test', sourceId: null, number: `T${n}`, kind: 'incident', title: null, statusRaw: resolvedAt ? 'Resolved' : 'In Progress',
		status: resolvedAt ? 'resolved' : 'in_progress', priorityRaw: String(priority), priority, impact: null, urgency: null, category: null,
		service: null, channel: null, assignmentGroup: null, openedAt, firstResponseAt: n % 3 === 0 ? null : openedAt + (n % 7) * 3_600_000,
		resolvedAt, closedAt: null, reopenCount: 0, reassignmentCount: 0, majorIncident: false, sourceSlaMet: n % 5 === 0 ? null : n % 2 === 0,
		satisfaction: null, changeType: null, changeRisk: null, cabRequired: null, plannedStart: null, plannedEnd: null, actualStart: null,
		actualEnd: null, changeOutcome: null, history
	};
}

/** The aggregate as one statement per column over every ticket (the rebuild before it was chunked). */
async function inOneGo(db: Db, customerId: string) {
	const rows: unknown[] = [];
	for (const col of SLA_COLUMNS) {
		const flag = col.startsWith('res_');
		const r = await sql<{ metric: string; day: string; priority: number | null; flag: number | null; n: number }>`
			select ${col} as metric, substr(${sql.ref(col)}, 1, 10) as day, priority, ${flag ? sql`source_sla_met` : sql`cast(null as integer)`} as flag, count(*) as n
			from tickets where customer_id = ${customerId} and ${sql.ref(col)} is not null
			group by substr(${sql.ref(col)}, 1, 10), priority${flag ? sql`, source_sla_met` : sql``}`.execute(db);
		rows.push(...r.rows);
	}
	return sortRows(rows);
}
const sortRows = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

async function stored(db: Db, customerId: string) {
	const rows = await db.selectFrom('sla_daily').select(['metric', 'day', 'priority', 'flag', 'n']).where('customer_id', '=', customerId).execute();
	return sortRows(rows.map((r) => ({ metric: r.metric, day: r.day, priority: r.priority, flag: r.flag, n: Number(r.n) })));
}

let db: Db;
itsmDbForEachTest((fresh) => (db = fresh));

describe('rebuildSlaDaily', () => {
	it('gives what one statement over all tickets gives, over 14 months with edges at midnight and at month ends', { timeout: 30_000 }, async () => {
		const start = Date.parse('2025-11-30T22:30:00.000Z');
		const tickets = Array.from({ length: 400 }, (_, n) => ticket(n, start + n * 26 * 3_600_000 + (n % 11) * 60_000, n % 6 === 0 ? null : (n % 9) * 5 * 3_600_000));
		await storeTickets(db, CUSTOMER, tickets, slaPolicy(DEFAULT_SETTINGS), null, new Date().toISOString());
		await storeTickets(db, OTHER, tickets.slice(0, 20), slaPolicy(DEFAULT_SETTINGS), null, new Date().toISOString());
		const expected = await inOneGo(db, CUSTOMER);
		expect(expected.length).toBeGreaterThan(100);
		expect(await stored(db, CUSTOMER)).toEqual(expected);

		let steps = 0;
		await db.deleteFrom('sla_daily').execute();
		await rebuildSlaDaily(db, CUSTOMER, async () => {
			steps++;
		});
		expect(await stored(db, CUSTOMER)).toEqual(expected);
		// one step per column and month: the work really is cut up
		expect(steps).toBeGreaterThanOrEqual(4 * 13);
		expect(await stored(db, OTHER)).toEqual([]);
	});

	it('leaves an empty aggregate for a customer without decided tickets', async () => {
		await rebuildSlaDaily(db, CUSTOMER);
		expect(await stored(db, CUSTOMER)).toEqual([]);
	});
});

describe('monthsCovering', () => {
	it('lists every month from the first value to the last, across a year end', () => {
		expect(monthsCovering('2025-11-30T23:59:59.999Z', '2026-02-01T00:00:00.000Z')).toEqual([
			['2025-11-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z'],
			['2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
			['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
			['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']
		]);
		expect(monthsCovering('2026-03-04T10:00:00.000Z', '2026-03-31T23:00:00.000Z')).toEqual([['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']]);
	});
});
