/** Queries of ticket connectors and their runs. Repository functions take the executor first so they work inside a transaction. */
import type { Executor } from '$lib/server/db';
import type { ConnectorKind, TicketConnectorsTable, TicketSyncRunsTable } from '$lib/server/db/sync-schema';

export type ConnectorRow = TicketConnectorsTable;
export type RunRow = TicketSyncRunsTable;

export const findConnector = (db: Executor, customerId: string, kind: ConnectorKind): Promise<ConnectorRow | undefined> =>
	db.selectFrom('ticket_connectors').selectAll().where('customer_id', '=', customerId).where('kind', '=', kind).executeTakeFirst();

export const connectorById = (db: Executor, id: string): Promise<ConnectorRow | undefined> =>
	db.selectFrom('ticket_connectors').selectAll().where('id', '=', id).executeTakeFirst();

export const connectorsOf = (db: Executor, customerId: string): Promise<ConnectorRow[]> =>
	db.selectFrom('ticket_connectors').selectAll().where('customer_id', '=', customerId).orderBy('kind').execute();

/** Connectors whose schedule (when on) is due by `now`, or for which someone asked "sync now" (also with the schedule off). */
export const dueConnectors = (db: Executor, now: string, limit: number): Promise<Pick<ConnectorRow, 'id'>[]> =>
	db
		.selectFrom('ticket_connectors')
		.select('id')
		.where((eb) => eb.or([eb.and([eb('enabled', '=', 1), eb('next_run_at', '<=', now)]), eb('requested_at', 'is not', null)]))
		.orderBy('next_run_at')
		.limit(limit)
		.execute();

export const isDue = (c: ConnectorRow, now: string): boolean => (c.enabled === 1 && c.next_run_at <= now) || c.requested_at !== null;

export const recentRuns = (db: Executor, connectorId: string, limit: number): Promise<RunRow[]> =>
	db.selectFrom('ticket_sync_runs').selectAll().where('connector_id', '=', connectorId).orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();

export const countFailing = async (db: Executor): Promise<number> =>
	Number((await db.selectFrom('ticket_connectors').select((eb) => eb.fn.countAll().as('n')).where('last_status', '=', 'failed').executeTakeFirstOrThrow()).n);
