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

export const insertConnector = async (db: Executor, row: ConnectorRow): Promise<void> => {
	await db.insertInto('ticket_connectors').values(row).execute();
};

export const updateConnector = async (db: Executor, id: string, fields: Partial<Omit<ConnectorRow, 'id' | 'customer_id' | 'kind'>>): Promise<void> => {
	await db.updateTable('ticket_connectors').set(fields).where('id', '=', id).execute();
};

export const deleteConnector = async (db: Executor, id: string): Promise<void> => {
	await db.deleteFrom('ticket_connectors').where('id', '=', id).execute();
};

/**
 * A run begins: runs of the connector left 'running' by a killed instance are
 * over (the caller holds the lease now), the new run is recorded, and a "sync
 * now" asked before it is answered by it (one asked during it makes another).
 */
export async function beginRun(db: Executor, run: Pick<RunRow, 'id' | 'connector_id' | 'customer_id' | 'trigger' | 'started_at' | 'watermark_from_ms'>): Promise<void> {
	await db.updateTable('ticket_sync_runs').set({ status: 'interrupted', finished_at: run.started_at }).where('connector_id', '=', run.connector_id).where('status', '=', 'running').execute();
	await db
		.insertInto('ticket_sync_runs')
		.values({
			...run,
			status: 'running',
			finished_at: null,
			requests: 0,
			retries: 0,
			fetched: 0,
			created: 0,
			updated: 0,
			unchanged: 0,
			rejected: 0,
			error: null,
			watermark_to_ms: null
		})
		.execute();
	await db.updateTable('ticket_connectors').set({ requested_at: null }).where('id', '=', run.connector_id).where('requested_at', '<=', run.started_at).execute();
}

export const finishRun = async (db: Executor, id: string, fields: Partial<Omit<RunRow, 'id' | 'connector_id' | 'customer_id'>>): Promise<void> => {
	await db.updateTable('ticket_sync_runs').set(fields).where('id', '=', id).execute();
};
