/** Queries of the KPI report: the backlog's counts, manual KPIs and KPI targets. No rules here. */
import { sql } from 'kysely';
import type { Executor } from '$lib/server/db';
import type { KpiTargetsTable, ManualKpisTable } from '$lib/server/db/itsm-schema';
import { TICKET_KINDS } from '../ticket.types';

// The backlog's counts per kind are conditional sums in one pass over a covering index:
// GROUP BY kind would sort every row of the range first (10× slower).
const perKind = (expr: string) => TICKET_KINDS.map((k) => sql<number>`sum(case when kind = ${k} then ${sql.raw(expr)} else 0 end)`.as(k));

const tickets = (db: Executor, customerId: string) => db.selectFrom('tickets').where('customer_id', '=', customerId);

/** Tickets per kind opened before `to` and not done yet. */
export const countStillOpenPerKind = (db: Executor, customerId: string, to: string) =>
	tickets(db, customerId).select(perKind('1')).where('done_at', 'is', null).where('opened_at', '<', to).executeTakeFirst();

/** Tickets per kind opened before `to` and done only at or after it. */
export const countDoneAfterPerKind = (db: Executor, customerId: string, to: string) =>
	tickets(db, customerId).select(perKind('1')).where('done_at', '>=', to).where('opened_at', '<', to).executeTakeFirst();

/** Manual KPIs whose period lies within [fromDate, toDate] (local dates). */
export const listManualKpis = (db: Executor, customerId: string, fromDate: string, toDate: string) =>
	db.selectFrom('manual_kpis').selectAll().where('customer_id', '=', customerId).where('period_from', '>=', fromDate).where('period_to', '<=', toDate).orderBy('period_from').execute();

export async function deleteManualKpi(db: Executor, customerId: string, kpi: string, periodFrom: string, periodTo: string): Promise<void> {
	await db.deleteFrom('manual_kpis').where('customer_id', '=', customerId).where('kpi', '=', kpi).where('period_from', '=', periodFrom).where('period_to', '=', periodTo).execute();
}

export async function insertManualKpi(db: Executor, row: ManualKpisTable): Promise<void> {
	await db.insertInto('manual_kpis').values(row).execute();
}

export const listKpiTargetRows = (db: Executor, customerId: string) => db.selectFrom('kpi_targets').selectAll().where('customer_id', '=', customerId).orderBy('kpi').execute();

export async function deleteKpiTargets(db: Executor, customerId: string): Promise<void> {
	await db.deleteFrom('kpi_targets').where('customer_id', '=', customerId).execute();
}

export async function insertKpiTargets(db: Executor, rows: KpiTargetsTable[]): Promise<void> {
	await db.insertInto('kpi_targets').values(rows).execute();
}
