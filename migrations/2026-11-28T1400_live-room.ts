/**
 * The live meeting room: what must survive a reload or a restart.
 *
 * - room_slide_notes: the note written live on each slide, for the minutes;
 * - cab_polls: one live vote per change in a CAB meeting, and once closed its
 *   tally, whether the quorum was met, and the recommendation with rationale
 *   (recorded on the change: the ticket id is part of the key);
 * - cab_votes: one ballot per voter and change (approve, reject, abstain).
 *
 * The current agenda item lives in meetings.current_item_id / _started_at
 * (lifecycle migration). Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('room_slide_notes')
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('slide', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.references('people.id'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('room_slide_notes_pk', ['meeting_id', 'slide'])
		.execute();

	await db.schema
		.createTable('cab_polls')
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
		// 'open' | 'closed'
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('opened_by', 'text', (c) => c.references('people.id'))
		.addColumn('opened_at', 'text', (c) => c.notNull())
		.addColumn('closed_by', 'text', (c) => c.references('people.id'))
		.addColumn('closed_at', 'text')
		.addColumn('approve', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reject', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('abstain', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('quorum_met', 'integer')
		// 'approve' | 'reject' | 'defer'
		.addColumn('recommendation', 'text')
		.addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('cab_polls_pk', ['meeting_id', 'ticket_id'])
		.execute();
	await db.schema.createIndex('cab_polls_ticket_idx').on('cab_polls').columns(['ticket_id', 'closed_at']).execute();

	await db.schema
		.createTable('cab_votes')
		.addColumn('meeting_id', 'text', (c) => c.notNull())
		.addColumn('ticket_id', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
		// 'supplier' | 'customer'
		.addColumn('party', 'text', (c) => c.notNull())
		// 'approve' | 'reject' | 'abstain'
		.addColumn('choice', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('cab_votes_pk', ['meeting_id', 'ticket_id', 'person_id'])
		.addForeignKeyConstraint('cab_votes_poll_fk', ['meeting_id', 'ticket_id'], 'cab_polls', ['meeting_id', 'ticket_id'], (fk) => fk.onDelete('cascade'))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('cab_votes').execute();
	await db.schema.dropTable('cab_polls').execute();
	await db.schema.dropTable('room_slide_notes').execute();
}
