/**
 * Meeting lifecycle and the projection of shared documents into SQL.
 *
 * - meetings gain the lifecycle steps (who and when for each), the published
 *   agenda snapshot, the named adjuster (justerare) and the live room's current
 *   agenda item;
 * - meeting_duties: a duty handed over for one meeting, over the forum's duty;
 * - meeting_approvals: one row per approving role (chair, adjuster);
 * - minutes_versions: the approved snapshot and dated addenda;
 * - agenda_items, action_items, decisions, minutes_text: kept in step with the
 *   Yjs documents by the server (projection), so that cross-meeting questions
 *   are SQL. They are derived data: the documents are the source of truth.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';
import { bytes } from './lib/portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const meetingColumns: [string, 'text'][] = [
		['agenda_published_at', 'text'],
		['agenda_published_by', 'text'],
		// JSON: the agenda items as published, to show "changed since published"
		['agenda_snapshot', 'text'],
		['started_at', 'text'],
		['started_by', 'text'],
		['ended_at', 'text'],
		['ended_by', 'text'],
		['approved_at', 'text'],
		['confirmed_at', 'text'],
		['confirmed_by', 'text'],
		// the meeting whose "previous minutes" item confirmed these minutes
		['confirmed_in_meeting_id', 'text'],
		['adjuster_person_id', 'text'],
		['current_item_id', 'text'],
		['current_item_started_at', 'text']
	];
	for (const [name, type] of meetingColumns) {
		await db.schema.alterTable('meetings').addColumn(name, type).execute();
	}

	await db.schema
		.createTable('meeting_duties')
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('duty', 'text', (c) => c.notNull())
		.addColumn('party', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.references('people.id'))
		.addColumn('updated_by', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('meeting_duties_pk', ['meeting_id', 'duty'])
		.execute();

	await db.schema
		.createTable('meeting_approvals')
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		// 'chair' | 'adjuster'
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('meeting_approvals_pk', ['meeting_id', 'role'])
		.execute();

	await db.schema
		.createTable('minutes_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		// 'approved' | 'addendum'
		.addColumn('kind', 'text', (c) => c.notNull())
		// Yjs state of the minutes document at that moment (approved) or of the addendum text
		.addColumn('state', bytes(db))
		// JSON: the rendered model (blocks, decisions, actions, frozen figures) for exports
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('people.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('minutes_versions_meeting_idx').on('minutes_versions').columns(['meeting_id', 'created_at']).execute();

	await db.schema
		.createTable('agenda_items')
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('planned_minutes', 'integer', (c) => c.notNull())
		.addColumn('presenter_id', 'text')
		.addColumn('notes', 'text', (c) => c.notNull())
		// the meeting this item was carried over from, if any
		.addColumn('carried_from_meeting_id', 'text')
		.addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('agenda_items_pk', ['meeting_id', 'item_id'])
		.execute();

	await db.schema
		.createTable('action_items')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
		.addColumn('customer_id', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('owner_person_id', 'text')
		// Stockholm calendar date YYYY-MM-DD
		.addColumn('due_date', 'text')
		// open | in_progress | done | cancelled
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('raised_meeting_id', 'text')
		.addColumn('closed_meeting_id', 'text')
		// escalation: the action in the lower forum this one came from
		.addColumn('escalated_from_id', 'text')
		.addColumn('escalated_to_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('action_items_customer_idx').on('action_items').columns(['customer_id', 'status']).execute();
	await db.schema.createIndex('action_items_forum_idx').on('action_items').columns(['forum_id', 'position']).execute();
	await db.schema.createIndex('action_items_owner_idx').on('action_items').columns(['owner_person_id', 'status']).execute();

	await db.schema
		.createTable('decisions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('forum_id', 'text', (c) => c.notNull())
		.addColumn('customer_id', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('decisions_customer_idx').on('decisions').columns(['customer_id', 'meeting_id']).execute();

	await db.schema
		.createTable('minutes_text')
		.addColumn('meeting_id', 'text', (c) => c.primaryKey().references('meetings.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['minutes_text', 'decisions', 'action_items', 'agenda_items', 'minutes_versions', 'meeting_approvals', 'meeting_duties']) {
		await db.schema.dropTable(t).execute();
	}
}
