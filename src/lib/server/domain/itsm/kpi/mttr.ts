/**
 * MTTR of a period: incidents resolved in it (resolved_at in [from, to)),
 * open → resolved in hours (never → closed: ServiceNow auto-closes days after
 * resolution), per priority and overall. Overall is every resolved incident
 * with a priority, so its count is the sum of the per-priority rows.
 *
 * Both figures come from the stored `resolution_hours`, on both engines alike:
 *
 * - the mean from the daily aggregate `kpi_mttr_daily` (kpi-daily.repository.ts):
 *   the count and the sum of the durations in whole milliseconds, so the sum is
 *   exact in any order and the mean is the one correctly rounded division;
 * - the exact median (the middle value, or the mean of the two middle values
 *   for an even count): the aggregate's duration buckets, summed over the
 *   period, say which bucket holds the middle (and which the value after it,
 *   for an even count) and how many durations lie below it; then the
 *   duration-ordered index (`tickets_mttr_idx`, `tickets_mttr_all_idx`) is
 *   read within those buckets' bounds only, skipping the rows of the bucket
 *   before the middle. No duration is read into JavaScript, and no walk over
 *   half the period's rows.
 */
import type { Executor } from '$lib/server/db';
import { PRIORITIES, type Priority } from '../ticket.types';
import { bucketCeiling, bucketFloor, mttrBuckets, type MttrBucket } from './kpi-daily.repository';
import { resolutionHoursInOrder } from './mttr.repository';

export interface MttrFigure {
	resolved: number;
	meanHours: number | null;
	medianHours: number | null;
}

export interface MttrRow extends MttrFigure {
	priority: number;
}

export interface Mttr {
	byPriority: MttrRow[];
	overall: MttrFigure;
}

interface Period {
	from: string;
	to: string;
}

const HOUR_MS = 3_600_000;

/**
 * The median of the durations the buckets count (ascending by bucket): the
 * middle one or two in duration order, read from the rows of the bucket(s)
 * that hold them, and only those.
 */
async function median(db: Executor, customerId: string, period: Period, priority: Priority | null, buckets: MttrBucket[]): Promise<number | null> {
	const n = buckets.reduce((a, b) => a + b.n, 0);
	if (n === 0) return null;
	const middle = (n - 1) >> 1;
	const last = n % 2 ? middle : middle + 1;
	// first: the bucket of the middle, `below` durations before it; upto: the bucket of the last one wanted
	let below = 0;
	let first = 0;
	while (below + buckets[first].n <= middle) below += buckets[first++].n;
	let upto = first;
	let through = below + buckets[first].n;
	while (through <= last) through += buckets[++upto].n;
	const rows = await resolutionHoursInOrder(db, customerId, period, priority, { floor: bucketFloor(buckets[first].bucket), ceiling: bucketCeiling(buckets[upto].bucket) }, last - middle + 1, middle - below);
	return rows.length ? rows.reduce((a, r) => a + Number(r.resolution_hours), 0) / rows.length : null;
}

/** count, mean and median of the buckets of one priority (or of all) */
async function figure(db: Executor, customerId: string, period: Period, priority: Priority | null, buckets: MttrBucket[]): Promise<MttrFigure> {
	const resolved = buckets.reduce((a, b) => a + b.n, 0);
	const ms = buckets.reduce((a, b) => a + b.ms, 0);
	return { resolved, meanHours: resolved ? ms / (resolved * HOUR_MS) : null, medianHours: await median(db, customerId, period, priority, buckets) };
}

export async function mttrOf(db: Executor, customerId: string, period: Period): Promise<Mttr> {
	const buckets = await mttrBuckets(db, customerId, period.from, period.to);
	// every priority's buckets together, per bucket: the overall figure's
	const overall = new Map<number, MttrBucket>();
	for (const b of buckets) {
		const o = overall.get(b.bucket);
		overall.set(b.bucket, { priority: 0, bucket: b.bucket, n: (o?.n ?? 0) + b.n, ms: (o?.ms ?? 0) + b.ms });
	}
	const [all, ...byPriority] = await Promise.all([
		figure(db, customerId, period, null, [...overall.values()].sort((a, b) => a.bucket - b.bucket)),
		...PRIORITIES.map(async (p) => ({ priority: p, ...(await figure(db, customerId, period, p, buckets.filter((b) => b.priority === p))) }))
	]);
	return { byPriority, overall: all };
}
