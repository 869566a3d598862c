/** Import records: who imported what, and the report. */
import type { Executor } from '$lib/server/db';
import type { Actor } from '../../actor';
import type { ImportReport } from './import-report';

export async function recordImport(
	db: Executor,
	i: { id: string; customerId: string; actor: Actor; fileName: string | null; report: ImportReport; at: string }
): Promise<void> {
	await db
		.insertInto('ticket_imports')
		.values({
			id: i.id,
			customer_id: i.customerId,
			at: i.at,
			actor_id: i.actor.personId === 'system' ? null : i.actor.personId,
			actor_name: i.actor.name,
			preset: i.report.preset,
			source: i.report.source,
			file_name: i.fileName,
			rows_read: i.report.rowsRead,
			created: i.report.created,
			updated: i.report.updated,
			unchanged: i.report.unchanged,
			rejected: i.report.rejected,
			report: JSON.stringify(i.report)
		})
		.execute();
}

export async function listImports(db: Executor, customerId: string, limit = 20) {
	return db
		.selectFrom('ticket_imports')
		.select(['id', 'at', 'actor_name', 'preset', 'source', 'file_name', 'rows_read', 'created', 'updated', 'unchanged', 'rejected'])
		.where('customer_id', '=', customerId)
		.orderBy('at', 'desc')
		.limit(limit)
		.execute();
}
