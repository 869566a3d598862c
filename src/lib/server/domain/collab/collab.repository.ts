/** Queries for document snapshots and the update log. No rules here. */
import type { Executor } from '$lib/server/db';

export interface LogRow {
	id: number;
	data: Uint8Array;
}

export async function findSnapshot(db: Executor, docName: string): Promise<Uint8Array | null> {
	const row = await db.selectFrom('collab_snapshots').select('state').where('doc_name', '=', docName).executeTakeFirst();
	return row ? row.state : null;
}

export const listLog = (db: Executor, docName: string): Promise<LogRow[]> =>
	db.selectFrom('collab_updates').select(['id', 'data']).where('doc_name', '=', docName).orderBy('id').execute();

/** SQLite allows 32766 bound parameters per statement; 3 per row, stay well below. */
const INSERT_CHUNK = 1000;

export async function appendLog(db: Executor, rows: { docName: string; data: Uint8Array }[], at: string): Promise<void> {
	for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
		await db
			.insertInto('collab_updates')
			.values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ doc_name: r.docName, data: r.data, created_at: at })))
			.execute();
	}
}

export async function upsertSnapshot(db: Executor, docName: string, state: Uint8Array, at: string): Promise<void> {
	await db
		.insertInto('collab_snapshots')
		.values({ doc_name: docName, state, updated_at: at })
		.onConflict((oc) => oc.column('doc_name').doUpdateSet({ state, updated_at: at }))
		.execute();
}

/** Inserts a snapshot only if the document has none: seeding never overwrites. */
export async function insertSnapshotIfAbsent(db: Executor, docName: string, state: Uint8Array, at: string): Promise<void> {
	await db
		.insertInto('collab_snapshots')
		.values({ doc_name: docName, state, updated_at: at })
		.onConflict((oc) => oc.column('doc_name').doNothing())
		.execute();
}

const DELETE_CHUNK = 5000;

/** Deletes exactly these log rows: rows appended meanwhile (higher ids or not) stay. */
export async function deleteLogRows(db: Executor, ids: number[]): Promise<void> {
	for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
		await db.deleteFrom('collab_updates').where('id', 'in', ids.slice(i, i + DELETE_CHUNK)).execute();
	}
}

/** How many log rows each of these documents has (absent: none). */
export async function countLogRows(db: Executor, docNames: string[]): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (let i = 0; i < docNames.length; i += INSERT_CHUNK) {
		const rows = await db
			.selectFrom('collab_updates')
			.select(['doc_name', (eb) => eb.fn.countAll<number | string>().as('n')])
			.where('doc_name', 'in', docNames.slice(i, i + INSERT_CHUNK))
			.groupBy('doc_name')
			.execute();
		// PostgreSQL's count() is a bigint, which pg hands over as a string
		for (const r of rows) counts.set(r.doc_name, Number(r.n));
	}
	return counts;
}

/** A meeting's agenda items as projected from its agenda document, in agenda order. */
export const listAgendaItemRows = (db: Executor, meetingId: string) =>
	db.selectFrom('agenda_items').select(['item_id', 'kind', 'title', 'planned_minutes']).where('meeting_id', '=', meetingId).orderBy('position').execute();
