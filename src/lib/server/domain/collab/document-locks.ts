/**
 * Per-document advisory locks for the work that two app instances could
 * otherwise do at the same time on one shared document (compaction,
 * projection into SQL). PostgreSQL: transaction-scoped advisory locks, keyed
 * by 64 bits of a hash of purpose + document name, released by the commit.
 * SQLite has one writer at a time for the whole file, so there is nothing to
 * take: its write transactions are already serialized.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import { advisoryXactLock, tryAdvisoryXactLock } from './collab.repository';

export type LockPurpose = 'compact' | 'project';

/** A signed 64-bit key (as a decimal string, PostgreSQL's bigint) for this purpose and document. */
export function advisoryKey(purpose: LockPurpose, docName: string): string {
	return createHash('sha256').update(`samverkan:${purpose}:${docName}`).digest().readBigInt64BE(0).toString();
}

/** Takes the lock if free; false when another transaction (instance) holds it. */
export async function tryLockDocument(tx: Tx, purpose: LockPurpose, docName: string): Promise<boolean> {
	if (dialectOf(tx) !== 'postgres') return true;
	return tryAdvisoryXactLock(tx, advisoryKey(purpose, docName));
}

/** Waits for the lock (held until this transaction ends). */
export async function lockDocument(tx: Tx, purpose: LockPurpose, docName: string): Promise<void> {
	if (dialectOf(tx) !== 'postgres') return;
	await advisoryXactLock(tx, advisoryKey(purpose, docName));
}
