/**
 * Cancelling a meeting (issue 16): who cancelled it, when, and the reason
 * they gave (status 'cancelled' is a value of the existing text column).
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('meetings').addColumn('cancelled_at', 'text').execute();
	await db.schema.alterTable('meetings').addColumn('cancelled_by', 'text').execute();
	await db.schema.alterTable('meetings').addColumn('cancel_reason', 'text').execute();
}
