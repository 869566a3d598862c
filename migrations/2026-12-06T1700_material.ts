/**
 * Decision material (underlag) of meetings (issue 16):
 *
 * - `material`: one document handed out before a meeting, for the whole
 *   meeting or one agenda item (`agenda_item_id`, the item's id in the agenda
 *   document), optionally supplier-internal (`internal` 1: never shown to the
 *   customer's people);
 * - `material_versions`: every version uploaded (1, 2, …; a new one keeps the
 *   old), with its sanitised file name, content type, size, SHA-256, who and
 *   when; the bytes are found by `sha256` in the store;
 * - `material_blobs`: the bytes, content-addressed by SHA-256 (blob on
 *   SQLite, bytea on PostgreSQL), so several instances share them;
 * - `forums.material_lead_days`: "material out N days before the meeting"
 *   (null: no rule). The tactical forum's template and existing tactical
 *   forums get 5 days, as the governance model asks for their material.
 *
 * Frozen once shipped; never import application code here.
 */
import type { Kysely } from 'kysely';
import { bytes } from './lib/portable';

const TACTICAL_LEAD_DAYS = 5;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('forums').addColumn('material_lead_days', 'integer').execute();
	const tactical = await db.selectFrom('forum_templates').select(['id', 'definition']).where('key', '=', 'tactical').execute();
	for (const t of tactical) {
		const definition = { ...JSON.parse(t.definition as string), materialLeadDays: TACTICAL_LEAD_DAYS };
		await db.updateTable('forum_templates').set({ definition: JSON.stringify(definition) }).where('id', '=', t.id).execute();
		await db.updateTable('forums').set({ material_lead_days: TACTICAL_LEAD_DAYS }).where('template_id', '=', t.id).execute();
	}

	await db.schema
		.createTable('material_blobs')
		.addColumn('sha256', 'text', (c) => c.primaryKey())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('bytes', bytes(db), (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('material')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('customer_id', 'text', (c) => c.notNull())
		// the agenda item's id in the agenda document; null: the whole meeting
		.addColumn('agenda_item_id', 'text')
		.addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('material_meeting_idx').on('material').columns(['meeting_id', 'created_at']).execute();

	await db.schema
		.createTable('material_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('material_id', 'text', (c) => c.notNull().references('material.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull().references('material_blobs.sha256'))
		.addColumn('uploaded_by', 'text')
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('material_versions_number', ['material_id', 'version'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('material_versions').execute();
	await db.schema.dropTable('material').execute();
	await db.schema.dropTable('material_blobs').execute();
	await db.schema.alterTable('forums').dropColumn('material_lead_days').execute();
}
