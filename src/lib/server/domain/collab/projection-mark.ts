/**
 * Whether a document's projected tables are current, so that loading a
 * document projects it only when they may be behind: after a crash between a
 * change and its projection, for a document never projected, or after the
 * projection itself changed. Before, every load projected, which cost a
 * headless Lexical pass per opened document (4 % of the busy time with 100
 * documents open, issue 19).
 *
 * Each projection run records the document as it read it (a Yjs snapshot:
 * state vector and delete set, taken before the run reads the document, so
 * the record is never newer than the tables). A loaded document whose
 * snapshot equals the record, under the same projection version, has current
 * tables.
 */
import * as Y from 'yjs';
import type { Executor } from '$lib/server/db';
import { nowIso } from '../ids';
import { findProjectionMark, upsertProjectionMark } from './collab.repository';

/**
 * The projection's version. Raise it when projection.ts derives something new
 * or derives it differently: every document is then projected again when it
 * is next opened.
 */
export const PROJECTION_VERSION = 1;

/** The document as a projection is about to read it. */
export function projectionMark(doc: Y.Doc): Uint8Array {
	return Y.encodeSnapshot(Y.snapshot(doc));
}

/** Records that the tables were projected from the document as `mark` describes it (same transaction as the projection). */
export function recordProjection(db: Executor, docName: string, mark: Uint8Array): Promise<void> {
	return upsertProjectionMark(db, docName, mark, PROJECTION_VERSION, nowIso());
}

/** Whether the tables were projected from exactly this content by this version of the projection. */
export async function isProjected(db: Executor, docName: string, doc: Y.Doc): Promise<boolean> {
	const record = await findProjectionMark(db, docName);
	if (!record || record.version !== PROJECTION_VERSION) return false;
	try {
		return Y.equalSnapshots(Y.decodeSnapshot(record.snapshot), Y.snapshot(doc));
	} catch {
		// a record that does not decode says nothing: project
		return false;
	}
}
