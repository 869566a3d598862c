/**
 * What each shared document looked like when its tables were last projected
 * (a Yjs snapshot: state vector and delete set), and by which version of the
 * projection. Loading a document projects it only when its content or the
 * projection differs from this, not on every load.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';
import { bytes } from './lib/portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('collab_projections')
		.addColumn('doc_name', 'text', (c) => c.primaryKey())
		// Y.encodeSnapshot of the document as it was projected
		.addColumn('snapshot', bytes(db), (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('projected_at', 'text', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('collab_projections').execute();
}
