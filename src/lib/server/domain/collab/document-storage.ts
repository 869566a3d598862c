/**
 * Durable storage of shared documents: a snapshot plus an append-only log of
 * updates. The realtime adapter keeps live documents in memory and calls these
 * functions; nothing here knows about sockets. No actor: the collab server
 * authorized the connection at the upgrade (collab.policy.ts documentAccess)
 * and each write against it (connection.ts) before it stores anything here.
 */
import * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import { nowIso } from '../ids';
import type { DocumentTarget } from './collab.policy';
import { appendLogCommitted, appendLogCommittedNow, countLogRows, deleteLogRows, findSnapshot, insertSnapshotIfAbsent, listLogPage, upsertSnapshot, type LogRow } from './collab.repository';
import { tryLockDocument } from './document-locks';
import { seedDocument } from './seed';
import { giveWay, TURN_BUDGET_MS, turnSpent } from '$lib/server/event-loop-turn';

export interface LoadedDocument {
	doc: Y.Doc;
	/** bytes stored for this document: snapshot + log rows */
	storedBytes: number;
	logRows: number;
}

/**
 * Loads a document completely: snapshot, then every log row in order. A
 * document that has never been stored is seeded first, and the seed is stored
 * as its snapshot before anyone can see it.
 */
export async function loadDocument(db: Db, target: DocumentTarget): Promise<LoadedDocument> {
	await giveWay();
	let { log, parts } = await readStored(db, target.name);
	if (parts.length === 0) {
		await giveWay();
		const seed = await seedDocument(db, target);
		if (seed) {
			await insertSnapshotIfAbsent(db, target.name, seed, nowIso());
			({ log, parts } = await readStored(db, target.name));
		}
	}
	const doc = new Y.Doc();
	await applyInTurns(doc, parts);
	return { doc, storedBytes: parts.reduce((n, p) => n + p.byteLength, 0), logRows: log.length };
}

/**
 * What the database holds for a document: its log rows, and the snapshot
 * followed by those rows as one list of updates. The log is read before the
 * snapshot: another instance may compact in between, and a snapshot written
 * after our log read holds every row it deleted.
 */
async function readStored(db: Db, docName: string): Promise<{ log: LogRow[]; parts: Uint8Array[] }> {
	const log = await readLog(db, docName);
	const snapshot = await findSnapshot(db, docName);
	return { log, parts: (snapshot ? [snapshot] : []).concat(log.map((r) => r.data)) };
}

/** log rows read at a time: a long log read at once held the event loop for 56 ms at 20,000 rows */
const LOG_PAGE_ROWS = 1_000;

/**
 * A document's whole log, in order, read a page at a time with the event loop
 * given a turn in between (event-loop-turn.ts). Rows another instance
 * compacts away between two pages are in the snapshot that callers read
 * after the log; rows appended meanwhile may or may not be read, as with one
 * read (the registry hears of them through the fan-out).
 */
async function readLog(db: Db, docName: string): Promise<LogRow[]> {
	const rows: LogRow[] = [];
	for (;;) {
		const page = await listLogPage(db, docName, rows.at(-1)?.id ?? 0, LOG_PAGE_ROWS);
		rows.push(...page);
		if (page.length < LOG_PAGE_ROWS) return rows;
		await giveWay();
	}
}

/**
 * Applies stored updates in order, as much as a turn of the event loop allows
 * at a time (event-loop-turn.ts): a log of 20,000 rows takes half a second to
 * apply, which would otherwise hold up every other client that long. Nobody
 * sees the doc until it is complete.
 */
async function applyInTurns(doc: Y.Doc, parts: Uint8Array[]): Promise<void> {
	let next = 0;
	while (next < parts.length) {
		await giveWay();
		// The transaction's cleanup takes about as long as the applying: half a turn's budget each.
		const until = performance.now() + TURN_BUDGET_MS / 2;
		doc.transact(() => {
			do Y.applyUpdate(doc, parts[next++]);
			while (next < parts.length && performance.now() < until && !turnSpent());
		});
	}
}

export interface StoredState {
	/** snapshot and log merged into one update */
	update: Uint8Array;
	storedBytes: number;
	logRows: number;
}

/**
 * What the database holds for a document, as one update: what another
 * instance compares its memory against (state-vector exchange). Null if
 * nothing is stored.
 */
export async function readStoredState(db: Db, docName: string): Promise<StoredState | null> {
	const { log, parts } = await readStored(db, docName);
	if (parts.length === 0) return null;
	return {
		update: parts.length === 1 ? parts[0] : Y.mergeUpdates(parts),
		storedBytes: parts.reduce((n, p) => n + p.byteLength, 0),
		logRows: log.length
	};
}

/** Log rows per document, for the cheap "did the stored log change?" check of the healing. */
export function storedLogRows(db: Db, docNames: string[]): Promise<Map<string, number>> {
	return countLogRows(db, docNames);
}

/** Appends updates in one transaction (group commit): all of them or none. */
export async function appendUpdates(db: Db, rows: { docName: string; data: Uint8Array }[]): Promise<void> {
	if (rows.length === 0) return;
	const at = nowIso();
	await appendLogCommitted(db, rows, at);
}

/**
 * appendUpdates at once, without a promise, when the database allows it
 * (SQLite with no transaction open); false when nothing was written, and
 * the caller goes the asynchronous way. Throws if the commit fails.
 */
export function appendUpdatesNow(db: Db, rows: { docName: string; data: Uint8Array }[]): boolean {
	return rows.length === 0 || appendLogCommittedNow(db, rows, nowIso());
}

export interface CompactionResult {
	mergedRows: number;
	/** bytes stored before and after (snapshot + log rows) */
	bytesBefore: number;
	bytesAfter: number;
	/** another instance is compacting this document right now: nothing was done */
	skipped: boolean;
}

/**
 * Rebuilds the document from snapshot + log into a fresh, garbage-collected
 * Y.Doc (Y.mergeUpdates would keep deleted content), stores it as the new
 * snapshot and deletes exactly the merged log rows.
 *
 * The rebuild runs outside the transaction, a turn's budget at a time (a long
 * log takes hundreds of milliseconds); the transaction that follows is short.
 * The log is read before the snapshot (readStored). Whoever compacted
 * this document between our read and our transaction deleted rows we read
 * (every compaction deletes all the rows it read, and our read and theirs
 * overlap), so if fewer rows than we read are left to delete, we roll back and
 * report the compaction as skipped: the other's snapshot holds everything.
 * Rows appended meanwhile are not among the merged ids and survive.
 * Several instances: a per-document advisory lock (PostgreSQL) also keeps two
 * transactions of one document apart; the loser skips.
 */
export async function compactDocument(db: Db, docName: string): Promise<CompactionResult> {
	const plan = await planCompaction(db, docName);
	if (plan.mergedIds.length === 0) return { mergedRows: 0, bytesBefore: plan.bytesBefore, bytesAfter: plan.bytesBefore, skipped: false };
	return storeCompaction(db, plan);
}

/** A rebuilt document, and the log rows it folds in. */
export interface CompactionPlan {
	docName: string;
	state: Uint8Array;
	mergedIds: number[];
	bytesBefore: number;
}

/** Reads log and snapshot and rebuilds them into one garbage-collected state (nothing is written). */
export async function planCompaction(db: Db, docName: string): Promise<CompactionPlan> {
	const { log, parts } = await readStored(db, docName);
	const bytesBefore = parts.reduce((n, p) => n + p.byteLength, 0);
	if (log.length === 0) return { docName, state: new Uint8Array(), mergedIds: [], bytesBefore };
	const doc = new Y.Doc({ gc: true });
	await applyInTurns(doc, parts);
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return { docName, state, mergedIds: log.map((r) => r.id), bytesBefore };
}

/** Stores a rebuilt state in place of the rows it folds in, or nothing if another compaction got there first. */
export async function storeCompaction(db: Db, plan: CompactionPlan): Promise<CompactionResult> {
	await giveWay();
	const skipped = { mergedRows: 0, bytesBefore: 0, bytesAfter: 0, skipped: true };
	return db
		.transaction()
		.execute(async (tx) => {
			if (!(await tryLockDocument(tx, 'compact', plan.docName))) return skipped;
			const deleted = await deleteLogRows(tx, plan.mergedIds);
			if (deleted !== plan.mergedIds.length) throw new CompactedMeanwhile();
			await upsertSnapshot(tx, plan.docName, plan.state, nowIso());
			return { mergedRows: plan.mergedIds.length, bytesBefore: plan.bytesBefore, bytesAfter: plan.state.byteLength, skipped: false };
		})
		.catch((err: unknown) => {
			if (err instanceof CompactedMeanwhile) return skipped;
			throw err;
		});
}

/** thrown to roll a compaction back: another one folded some of its rows first */
class CompactedMeanwhile extends Error {}
