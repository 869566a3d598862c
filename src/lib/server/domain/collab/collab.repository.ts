/** Queries for document snapshots and the update log. No rules here. */
import type SQLite from 'better-sqlite3';
import { sql, type Insertable } from 'kysely';
import { withFreeSqliteHandle, withSqliteHandle, type Db, type Executor } from '$lib/server/db';
import type { ActionItemsTable, AgendaItemsTable, DecisionsTable } from '$lib/server/db/lifecycle-schema';

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

/** The log rows after `afterId`, in order, at most `limit` of them. */
export const listLogPage = (db: Executor, docName: string, afterId: number, limit: number): Promise<LogRow[]> =>
	db.selectFrom('collab_updates').select(['id', 'data']).where('doc_name', '=', docName).where('id', '>', afterId).orderBy('id').limit(limit).execute();

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

type AppendRows = (rows: { docName: string; data: Uint8Array }[], at: string) => void;
const sqliteAppends = new WeakMap<SQLite.Database, AppendRows>();

/** One prepared insert per database, run for every row in one synchronous transaction. */
function sqliteAppend(sqlite: SQLite.Database): AppendRows {
	let append = sqliteAppends.get(sqlite);
	if (!append) {
		const insert = sqlite.prepare('insert into collab_updates (doc_name, data, created_at) values (?, ?, ?)');
		append = sqlite.transaction((rows: { docName: string; data: Uint8Array }[], at: string) => {
			for (const r of rows) insert.run(r.docName, r.data, at);
		});
		sqliteAppends.set(sqlite, append);
	}
	return append;
}

/**
 * appendLog in a transaction of its own: all rows or none. This runs for every
 * group commit of live edits, so on SQLite it is one prepared statement in a
 * synchronous transaction, without Kysely's query building and promise chain
 * per commit (about a tenth of the collab server's CPU under many documents,
 * bench/README.md).
 */
export async function appendLogCommitted(db: Db, rows: { docName: string; data: Uint8Array }[], at: string): Promise<void> {
	if (await withSqliteHandle(db, (sqlite) => sqliteAppend(sqlite)(rows, at))) return;
	await db.transaction().execute((tx) => appendLog(tx, rows, at));
}

/** appendLogCommitted synchronously, when the database allows it (SQLite, no transaction open); false when nothing ran. */
export function appendLogCommittedNow(db: Db, rows: { docName: string; data: Uint8Array }[], at: string): boolean {
	return withFreeSqliteHandle(db, (sqlite) => sqliteAppend(sqlite)(rows, at)) !== null;
}

export async function upsertSnapshot(db: Executor, docName: string, state: Uint8Array, at: string): Promise<void> {
	await db
		.insertInto('collab_snapshots')
		.values({ doc_name: docName, state, updated_at: at })
		.onConflict((oc) => oc.column('doc_name').doUpdateSet({ state, updated_at: at }))
		.execute();
}

export function findProjectionMark(db: Executor, docName: string): Promise<{ snapshot: Uint8Array; version: number } | undefined> {
	return db.selectFrom('collab_projections').select(['snapshot', 'version']).where('doc_name', '=', docName).executeTakeFirst();
}

export async function upsertProjectionMark(db: Executor, docName: string, snapshot: Uint8Array, version: number, at: string): Promise<void> {
	await db
		.insertInto('collab_projections')
		.values({ doc_name: docName, snapshot, version, projected_at: at })
		.onConflict((oc) => oc.column('doc_name').doUpdateSet({ snapshot, version, projected_at: at }))
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

/** Deletes exactly these log rows (rows appended meanwhile stay); returns how many of them were still there. */
export async function deleteLogRows(db: Executor, ids: number[]): Promise<number> {
	let deleted = 0;
	for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
		const [result] = await db.deleteFrom('collab_updates').where('id', 'in', ids.slice(i, i + DELETE_CHUNK)).execute();
		deleted += Number(result.numDeletedRows);
	}
	return deleted;
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

/** PostgreSQL only: takes the transaction-scoped advisory lock if free. */
export async function tryAdvisoryXactLock(db: Executor, key: string): Promise<boolean> {
	const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}::bigint) as locked`.execute(db);
	return rows[0]?.locked === true;
}

/** PostgreSQL only: waits for the transaction-scoped advisory lock. */
export async function advisoryXactLock(db: Executor, key: string): Promise<void> {
	await sql`select pg_advisory_xact_lock(${key}::bigint)`.execute(db);
}

// Projections of documents into relational tables (projection.ts)

export async function deleteAgendaItems(db: Executor, meetingId: string): Promise<void> {
	await db.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).execute();
}

export async function insertAgendaItems(db: Executor, rows: Insertable<AgendaItemsTable>[]): Promise<void> {
	await db.insertInto('agenda_items').values(rows).execute();
}

export async function upsertMinutesText(db: Executor, meetingId: string, text: string, at: string): Promise<void> {
	await db
		.insertInto('minutes_text')
		.values({ meeting_id: meetingId, text, updated_at: at })
		.onConflict((oc) => oc.column('meeting_id').doUpdateSet({ text, updated_at: at }))
		.execute();
}

/** Of these decision ids, those that belong to another meeting. */
export const decisionIdsOutsideMeeting = async (db: Executor, ids: string[], meetingId: string): Promise<string[]> =>
	(await db.selectFrom('decisions').select('id').where('id', 'in', ids).where('meeting_id', '!=', meetingId).execute()).map((r) => r.id);

export async function deleteDecisionsOfMeeting(db: Executor, meetingId: string): Promise<void> {
	await db.deleteFrom('decisions').where('meeting_id', '=', meetingId).execute();
}

export async function insertDecisions(db: Executor, rows: Insertable<DecisionsTable>[]): Promise<void> {
	await db.insertInto('decisions').values(rows).execute();
}

export const listActionRowsOfForum = (db: Executor, forumId: string) =>
	db
		.selectFrom('action_items')
		.select(['id', 'forum_id', 'created_at', 'updated_at', 'title', 'description', 'owner_person_id', 'due_date', 'status', 'raised_meeting_id', 'closed_meeting_id', 'escalated_from_id', 'escalated_to_id', 'position'])
		.where('forum_id', '=', forumId)
		.execute();

/** Of these action ids, those used by another forum's actions. */
export const actionIdsOfOtherForums = async (db: Executor, ids: string[], forumId: string): Promise<string[]> =>
	(await db.selectFrom('action_items').select('id').where('id', 'in', ids).where('forum_id', '!=', forumId).execute()).map((r) => r.id);

export async function deleteActionItemsOfForum(db: Executor, forumId: string): Promise<void> {
	await db.deleteFrom('action_items').where('forum_id', '=', forumId).execute();
}

export async function insertActionItems(db: Executor, rows: Insertable<ActionItemsTable>[]): Promise<void> {
	await db.insertInto('action_items').values(rows).execute();
}

// Seeds of new documents (seed.ts)

/** A meeting's agenda items not done, in agenda order. */
export const listOpenAgendaItems = (db: Executor, meetingId: string) =>
	db
		.selectFrom('agenda_items')
		.select(['kind', 'title', 'planned_minutes', 'notes', 'carried_from_meeting_id'])
		.where('meeting_id', '=', meetingId)
		.where('done', '=', 0)
		.orderBy('position')
		.execute();

/** Open actions escalated into a forum, created after `since` when given. */
export const listOpenEscalatedActions = (db: Executor, forumId: string, since: string | null) =>
	db
		.selectFrom('action_items')
		.select(['title', 'description'])
		.where('forum_id', '=', forumId)
		.where('escalated_from_id', 'is not', null)
		.where('status', 'in', ['open', 'in_progress'])
		.$if(since !== null, (q) => q.where('created_at', '>', since!))
		.orderBy('created_at')
		.execute();

/** Whether the document has a stored snapshot (it has been created). */
export const snapshotExists = async (db: Executor, docName: string): Promise<boolean> =>
	(await db.selectFrom('collab_snapshots').select('doc_name').where('doc_name', '=', docName).executeTakeFirst()) !== undefined;
