/**
 * The daily SLA aggregate (table sla_daily) and the counts the SLA report
 * reads. A period's counts are: whole UTC days from the aggregate, and the
 * partial days at its edges straight from the covering indexes of `tickets`.
 * That keeps a one-year report over a million tickets to a few hundred rows.
 */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';

export const SLA_COLUMNS = ['resp_met_at', 'resp_breach_at', 'res_met_at', 'res_breach_at'] as const;
export type SlaColumn = (typeof SLA_COLUMNS)[number];

export interface Count {
	priority: number | null;
	flag: number | null;
	n: number;
}

/**
 * Rebuilds a customer's aggregate; called in the transaction that changed its
 * tickets. Built one column and one calendar month at a time (each a range of
 * that column's covering index), with `between` awaited after every step: the
 * import passes its yielder, so a rebuild over a year of tickets is many short
 * statements and never one long stall of the event loop.
 */
export async function rebuildSlaDaily(db: Executor, customerId: string, between: () => Promise<void> = async () => {}): Promise<void> {
	await db.deleteFrom('sla_daily').where('customer_id', '=', customerId).execute();
	for (const col of SLA_COLUMNS) {
		const span = await db
			.selectFrom('tickets')
			.select((eb) => [eb.fn.min(col).as('first'), eb.fn.max(col).as('last')])
			.where('customer_id', '=', customerId)
			.where(col, 'is not', null)
			.executeTakeFirst();
		if (!span?.first || !span.last) continue;
		// resolution decisions keep the source system's own verdict; response ones have none
		const withFlag = col.startsWith('res_');
		for (const [from, to] of monthsCovering(String(span.first), String(span.last))) {
			await sql`
				insert into sla_daily (customer_id, metric, day, priority, flag, n)
				select customer_id, ${col}, substr(${sql.ref(col)}, 1, 10), priority, ${withFlag ? sql`source_sla_met` : sql`cast(null as integer)`}, count(*)
				from tickets
				where customer_id = ${customerId} and ${sql.ref(col)} >= ${from} and ${sql.ref(col)} < ${to}
				group by customer_id, substr(${sql.ref(col)}, 1, 10), priority${withFlag ? sql`, source_sla_met` : sql``}`.execute(db);
			await between();
		}
	}
}

/** [from, to) ISO bounds of every UTC calendar month from the one holding `first` to the one holding `last`. */
export function monthsCovering(first: string, last: string): [string, string][] {
	const months: [string, string][] = [];
	let y = Number(first.slice(0, 4));
	let m = Number(first.slice(5, 7));
	const bound = (yy: number, mm: number) => `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-01T00:00:00.000Z`;
	const lastKey = last.slice(0, 7);
	for (;;) {
		const from = bound(y, m);
		if (m === 12) {
			y++;
			m = 1;
		} else m++;
		months.push([from, bound(y, m)]);
		if (from.slice(0, 7) >= lastKey) return months;
	}
}

const DAY = 86_400_000;
const dayOf = (iso: string) => iso.slice(0, 10);
const nextDayStart = (iso: string) => {
	const start = Date.parse(`${dayOf(iso)}T00:00:00.000Z`);
	return new Date(start === Date.parse(iso) ? start : start + DAY).toISOString();
};

async function live(db: Executor, customerId: string, col: SlaColumn, from: string, to: string): Promise<Count[]> {
	if (from >= to) return [];
	const withFlag = col.startsWith('res_');
	const rows = await db
		.selectFrom('tickets')
		.select((eb) => ['priority', withFlag ? eb.ref('source_sla_met').as('flag') : sql<null>`null`.as('flag'), sql<number>`count(*)`.as('n')])
		.where('customer_id', '=', customerId)
		.where(col, '>=', from)
		.where(col, '<', to)
		.groupBy(withFlag ? ['priority', 'source_sla_met'] : ['priority'])
		.execute();
	return rows as Count[];
}

/** Decisions of one metric in [from, to), grouped by priority and flag. */
export async function countDecisions(db: Executor, customerId: string, col: SlaColumn, from: string, to: string): Promise<Count[]> {
	if (from >= to) return [];
	const firstWhole = nextDayStart(from);
	const endWhole = `${dayOf(to)}T00:00:00.000Z`;
	if (firstWhole >= endWhole) return live(db, customerId, col, from, to);
	const [head, body, tail] = await Promise.all([
		live(db, customerId, col, from, firstWhole),
		db
			.selectFrom('sla_daily')
			.select(['priority', 'flag', sql<number>`sum(n)`.as('n')])
			.where('customer_id', '=', customerId)
			.where('metric', '=', col)
			.where('day', '>=', dayOf(firstWhole))
			.where('day', '<', dayOf(endWhole))
			.groupBy(['priority', 'flag'])
			.execute(),
		live(db, customerId, col, endWhole, to)
	]);
	return [...head, ...(body as Count[]), ...tail];
}
