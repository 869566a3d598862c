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
import { appendLogCommitted, countLogRows, deleteLogRows, findSnapshot, insertSnapshotIfAbsent, listLog, upsertSnapshot } from './collab.repository';
import { tryLockDocument } from './document-locks';
import { seedDocument } from './seed';

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
	// The log before the snapshot: another instance may compact in between, and
	// a snapshot written after our log read holds every row it deleted.
	const log = await listLog(db, target.name);
	let snapshot = await findSnapshot(db, target.name);
	if (!snapshot && log.length === 0) {
		const seed = await seedDocument(db, target);
		if (seed) {
			await insertSnapshotIfAbsent(db, target.name, seed, nowIso());
			snapshot = await findSnapshot(db, target.name);
		}
	}
	const doc = new Y.Doc();
	let storedBytes = 0;
	doc.transact(() => {
		if (snapshot) {
			Y.applyUpdate(doc, snapshot);
			storedBytes += snapshot.byteLength;
		}
		for (const row of log) {
			Y.applyUpdate(doc, row.data);
			storedBytes += row.data.byteLength;
		}
	});
	return { doc, storedBytes, logRows: log.length };
}

export interface StoredState {
	/** snapshot and log merged into one update */
	update: Uint8Array;
	storedBytes: number;
	logRows: number;
}

/**
 * What the database holds for a document, as one update: what another
 * instance compares its memory against (state-vector exchange). Log first,
 * then snapshot, for the same reason as in loadDocument. Null if nothing is
 * stored.
 */
export async function readStoredState(db: Db, docName: string): Promise<StoredState | null> {
	const log = await listLog(db, docName);
	const snapshot = await findSnapshot(db, docName);
	const parts = (snapshot ? [snapshot] : []).concat(log.map((r) => r.data));
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
 * snapshot and deletes exactly the merged log rows, all in one transaction.
 * Rows appended concurrently are not among the merged ids and survive.
 * Several instances: a per-document advisory lock (PostgreSQL) makes sure two
 * never compact one document at once (the later snapshot could otherwise
 * overwrite one that holds rows the other deleted); the loser skips.
 */
export async function compactDocument(db: Db, docName: string): Promise<CompactionResult> {
	return db.transaction().execute(async (tx) => {
		if (!(await tryLockDocument(tx, 'compact', docName))) return { mergedRows: 0, bytesBefore: 0, bytesAfter: 0, skipped: true };
		const snapshot = await findSnapshot(tx, docName);
		const log = await listLog(tx, docName);
		const bytesBefore = (snapshot?.byteLength ?? 0) + log.reduce((n, r) => n + r.data.byteLength, 0);
		if (log.length === 0) return { mergedRows: 0, bytesBefore, bytesAfter: bytesBefore, skipped: false };
		const doc = new Y.Doc({ gc: true });
		doc.transact(() => {
			if (snapshot) Y.applyUpdate(doc, snapshot);
			for (const row of log) Y.applyUpdate(doc, row.data);
		});
		const state = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		const at = nowIso();
		await upsertSnapshot(tx, docName, state, at);
		await deleteLogRows(
			tx,
			log.map((r) => r.id)
		);
		return { mergedRows: log.length, bytesBefore, bytesAfter: state.byteLength, skipped: false };
	});
}
