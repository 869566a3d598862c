/**
 * The daily KPI aggregates (issue 14, point 7: the KPI report over a million
 * tickets in under a second), like `sla_daily`:
 *
 * - `kpi_daily`: per customer, event (opened | resolved | reopened: the
 *   ticket's opened_at, resolved_at, reopened_at), UTC day and kind, the
 *   tickets (n) and, of the opened, the major incidents; of the resolved, the
 *   incidents without reassignment or reopen (first_contact), the incidents
 *   reassigned, the rated tickets and the sum of their satisfaction (0 where
 *   the event has no such figure);
 * - `kpi_mttr_daily`: per customer, UTC day of resolution, priority and
 *   duration bucket, the resolved incidents with a priority (n) and the sum of
 *   their open → resolved durations in whole milliseconds (ms). The buckets are
 *   half-octaves of `resolution_hours` (bucket b holds the durations d with
 *   T[b-1] <= d < T[b], T = 2^e and 1.5 · 2^e hours for e = -8..15), so the
 *   exact median is found by summing the buckets and then reading only the
 *   middle bucket's rows from the duration-ordered index (mttr.ts).
 *
 * The report reads whole days here and the partial days at a period's edges
 * from the covering indexes of `tickets`. Rebuilt per customer whenever its
 * tickets change (itsm/store.ts); existing tickets get theirs here.
 *
 * Frozen once shipped; never import application code here (the thresholds and
 * the row shape repeat itsm/kpi/kpi-daily.repository.ts as it is today).
 */
import { sql, type Kysely } from 'kysely';
import { float } from './lib/portable';

const THRESHOLDS = Array.from({ length: 24 }, (_, i) => 2 ** (i - 8)).flatMap((t) => [t, 1.5 * t]);
/** bucket b: THRESHOLDS[b - 1] <= resolution_hours < THRESHOLDS[b], as nested CASEs (a binary search) */
const bucketCase = (lo: number, hi: number): string => {
	if (lo === hi) return String(lo);
	const mid = (lo + hi + 1) >> 1;
	return `case when resolution_hours < ${THRESHOLDS[mid - 1]} then ${bucketCase(lo, mid - 1)} else ${bucketCase(mid, hi)} end`;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('kpi_daily')
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// opened | resolved | reopened
		.addColumn('event', 'text', (c) => c.notNull())
		// yyyy-mm-dd (UTC)
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addColumn('major', 'integer', (c) => c.notNull())
		.addColumn('first_contact', 'integer', (c) => c.notNull())
		.addColumn('reassigned', 'integer', (c) => c.notNull())
		.addColumn('rated', 'integer', (c) => c.notNull())
		.addColumn('satisfaction', float(db), (c) => c.notNull())
		.execute();
	await db.schema.createIndex('kpi_daily_idx').on('kpi_daily').columns(['customer_id', 'event', 'day', 'kind']).execute();

	await db.schema
		.createTable('kpi_mttr_daily')
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		// yyyy-mm-dd (UTC) of resolved_at
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('priority', 'integer', (c) => c.notNull())
		.addColumn('bucket', 'integer', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addColumn('ms', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('kpi_mttr_daily_idx').on('kpi_mttr_daily').columns(['customer_id', 'day', 'priority', 'bucket', 'n', 'ms']).execute();

	// of each event only what the report takes of it (0 otherwise), so each pass reads the event's covering index
	const zeros = (...cols: string[]) => cols.map((c) => `0 as ${c}`).join(', ');
	const sums = {
		opened: `count(*), sum(major_incident), ${zeros('first_contact', 'reassigned', 'rated', 'satisfaction')}`,
		resolved: `count(*), 0 as major, sum(case when kind = 'incident' and reassignment_count = 0 and reopen_count = 0 then 1 else 0 end),
			sum(case when kind = 'incident' and reassignment_count > 0 then 1 else 0 end), count(satisfaction), coalesce(sum(satisfaction), 0)`,
		reopened: `count(*), ${zeros('major', 'first_contact', 'reassigned', 'rated', 'satisfaction')}`
	};
	for (const [event, col] of [
		['opened', 'opened_at'],
		['resolved', 'resolved_at'],
		['reopened', 'reopened_at']
	] as const) {
		await sql`insert into kpi_daily (customer_id, event, day, kind, n, major, first_contact, reassigned, rated, satisfaction)
			select customer_id, ${event}, substr(${sql.ref(col)}, 1, 10), kind, ${sql.raw(sums[event])}
			from tickets where ${sql.ref(col)} is not null
			group by customer_id, substr(${sql.ref(col)}, 1, 10), kind`.execute(db);
	}
	const bucket = sql.raw(bucketCase(0, THRESHOLDS.length));
	await sql`insert into kpi_mttr_daily (customer_id, day, priority, bucket, n, ms)
		select customer_id, substr(resolved_at, 1, 10), priority, ${bucket}, count(*), sum(cast(round(resolution_hours * 3600000) as bigint))
		from tickets
		where kind = 'incident' and priority is not null and resolved_at is not null and resolution_hours is not null
		group by customer_id, substr(resolved_at, 1, 10), priority, ${bucket}`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('kpi_mttr_daily').execute();
	await db.schema.dropTable('kpi_daily').execute();
}
