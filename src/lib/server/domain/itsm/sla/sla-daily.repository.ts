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

/** Rebuilds a customer's aggregate; called in the transaction that changed its tickets. */
export async function rebuildSlaDaily(db: Executor, customerId: string): Promise<void> {
	await db.deleteFrom('sla_daily').where('customer_id', '=', customerId).execute();
	for (const col of SLA_COLUMNS) {
		// resolution decisions keep the source system's own verdict; response ones have none
		const withFlag = col.startsWith('res_');
		await sql`
			insert into sla_daily (customer_id, metric, day, priority, flag, n)
			select customer_id, ${col}, substr(${sql.ref(col)}, 1, 10), priority, ${withFlag ? sql`source_sla_met` : sql`cast(null as integer)`}, count(*)
			from tickets
			where customer_id = ${customerId} and ${sql.ref(col)} is not null
			group by customer_id, substr(${sql.ref(col)}, 1, 10), priority${withFlag ? sql`, source_sla_met` : sql``}`.execute(db);
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
