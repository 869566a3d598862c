/**
 * Where the bytes of decision material live, behind one small interface so
 * that it can later point elsewhere (an object store). Content-addressed:
 * the key is the SHA-256 of the bytes, so a file uploaded twice is stored
 * once and a version's hash names exactly the bytes it was approved with.
 *
 * The default keeps them in the database (`material_blobs`: blob on SQLite,
 * bytea on PostgreSQL), so several instances share them and a backup of the
 * database holds them.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '$lib/server/db';
import { deleteBlobIfUnused, insertBlobIfAbsent, readBlob } from './material.repository';

export interface MaterialStore {
	/** stores the bytes (once per hash) and answers their SHA-256 (hex) */
	put(bytes: Uint8Array): Promise<string>;
	get(sha256: string): Promise<Uint8Array | undefined>;
	/** removes the bytes unless a version still refers to them */
	delete(sha256: string): Promise<boolean>;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The default store: the database, inside the caller's transaction when `db` is one. */
export function databaseMaterialStore(db: Executor, now: () => string = () => new Date().toISOString()): MaterialStore {
	return {
		async put(bytes) {
			const hash = sha256Hex(bytes);
			await insertBlobIfAbsent(db, hash, bytes, now());
			return hash;
		},
		async get(sha256) {
			const bytes = await readBlob(db, sha256);
			// PostgreSQL answers a Buffer; callers get a plain view of the same bytes
			return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
		},
		delete: (sha256) => deleteBlobIfUnused(db, sha256)
	};
}
