/**
 * Attendance per meeting and personal calendar feeds.
 *
 * - meeting_attendance: one row per invitee who has been marked (attended,
 *   absent, excused); an invitee without a row is not yet marked;
 * - calendar_feeds: one secret feed token per person, stored only as its
 *   SHA-256 (like sessions), so a leaked database does not leak feed URLs.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('meeting_attendance')
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		// attended | absent | excused
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'person_id'])
		.execute();

	await db.schema
		.createTable('calendar_feeds')
		.addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calendar_feeds').execute();
	await db.schema.dropTable('meeting_attendance').execute();
}
