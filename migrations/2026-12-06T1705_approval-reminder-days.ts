/**
 * Notification events (issue 16): a forum's `approval_reminder_days`, the
 * number of days after a meeting ended before the chair and the adjuster who
 * have not approved its minutes (justering) are reminded, and again every as
 * many days until they have. Every forum, existing and seeded, starts at 3.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('forums')
		.addColumn('approval_reminder_days', 'integer', (c) => c.notNull().defaultTo(3))
		.execute();
}
