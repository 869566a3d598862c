/**
 * Shared (Yjs) documents: one snapshot per document plus an append-only log of
 * the updates received since. Every update is appended here before it is
 * relayed to other clients; compaction folds log rows into the snapshot.
 *
 * Frozen once shipped; never import application code here. Bytes are 'blob'
 * on SQLite and 'bytea' on PostgreSQL (lib/portable.ts).
 */
import type { Kysely } from 'kysely';
import { bytes, serialId } from './lib/portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const id = serialId(db);
	await db.schema
		.createTable('collab_snapshots')
		// a document name, e.g. meeting.<uuid>.minutes
		.addColumn('doc_name', 'text', (c) => c.primaryKey())
		// Y.encodeStateAsUpdate of a garbage-collected rebuild
		.addColumn('state', bytes(db), (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('collab_updates')
		// autoincrement, so ids are never reused after compaction deletes rows
		.addColumn('id', id.type, id.column)
		.addColumn('doc_name', 'text', (c) => c.notNull())
		.addColumn('data', bytes(db), (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('collab_updates_doc_idx').on('collab_updates').columns(['doc_name', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('collab_updates').execute();
	await db.schema.dropTable('collab_snapshots').execute();
}
