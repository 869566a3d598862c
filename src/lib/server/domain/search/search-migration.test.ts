/**
 * The search migration indexes what exists when it runs (on a migrated
 * in-memory SQLite database with rows written before it), and the index it
 * builds answers searches within the policy's scope.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Db } from '$lib/server/db';
import { bundledMigrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';
import type { Actor } from '../actor';
import { findAnything } from './search.service';
import { reindexMinutes } from './search.repository';

const SEARCH_MIGRATION = '2026-12-06T1930_search';
const A = 'customer-a';
const B = 'customer-b';
const member: Actor = { personId: 'pa', name: 'A', email: 'a@a.example', access: 'customer_member', customerId: A };
const staff: Actor = { personId: 'ps', name: 'S', email: 's@s.example', access: 'supplier_staff', customerId: null };

let db: Db | undefined;
afterEach(async () => {
	await db?.destroy();
	db = undefined;
});

async function seedBefore(d: Db) {
	const at = '2026-04-14T07:00:00.000Z';
	await sql`pragma foreign_keys = off`.execute(d);
	for (const c of [A, B]) {
		await sql`insert into meetings (id, forum_id, customer_id, title, starts_at, ends_at, status, created_at, updated_at)
			values (${`m-${c}`}, ${`f-${c}`}, ${c}, 'Driftmöte', ${at}, ${at}, 'minutes_approved', ${at}, ${at})`.execute(d);
		await sql`insert into decisions (id, meeting_id, forum_id, customer_id, position, text, updated_at)
			values (${`d-${c}`}, ${`m-${c}`}, ${`f-${c}`}, ${c}, 0, 'Vi byter brandvägg i stadshuset.', ${at})`.execute(d);
		await sql`insert into minutes_text (meeting_id, text, updated_at) values (${`m-${c}`}, 'Brandväggarna diskuterades. Vi byter brandvägg i stadshuset.', ${at})`.execute(d);
		await sql`insert into agenda_items (meeting_id, item_id, position, kind, title, planned_minutes, notes, done)
			values (${`m-${c}`}, 'i1', 0, 'other', 'Nätets säkerhet', 10, '', 0)`.execute(d);
		await sql`insert into action_items (id, forum_id, customer_id, position, title, description, status, raised_meeting_id, created_at, updated_at)
			values (${`x-${c}`}, ${`f-${c}`}, ${c}, 0, 'Beställ ny brandvägg', '', 'open', ${`m-${c}`}, ${at}, ${at})`.execute(d);
		await sql`insert into material (id, meeting_id, customer_id, internal, created_at) values (${`t-${c}`}, ${`m-${c}`}, ${c}, 1, ${at})`.execute(d);
		for (const v of [1, 2]) {
			await sql`insert into material_versions (id, material_id, version, file_name, content_type, size, sha256, uploaded_at)
				values (${`v${v}-${c}`}, ${`t-${c}`}, ${v}, ${`brandvagg-offert-v${v}.pdf`}, 'application/pdf', 1, 'x', ${at})`.execute(d);
		}
	}
	await sql`insert into kb_articles (id, customer_id, audience, kind, category, title, summary, body, body_text, version, created_at, updated_at)
		values ('kb-internal', null, 'internal', 'article', 'Nät', 'Brandväggens larm', '', '{}', 'Intern rutin.', 1, ${at}, ${at}),
		('kb-users', null, 'users', 'article', 'Nät', 'Om brandväggen', '', '{}', 'För alla.', 1, ${at}, ${at})`.execute(d);
}

describe('search index migration (SQLite in memory)', () => {
	it('indexes the rows that exist, and a search finds them only in scope', async () => {
		db = createDb({ dialect: 'sqlite', filename: ':memory:' });
		await migrateToLatest(db, Object.fromEntries(Object.entries(bundledMigrations).filter(([name]) => name < SEARCH_MIGRATION)));
		await seedBefore(db);
		await migrateToLatest(db, bundledMigrations);

		const kinds = await db.selectFrom('search_entries').select(['id', 'kind', 'audience', 'title']).where('customer_id', '=', A).orderBy('id').execute();
		expect(kinds).toEqual([
			{ id: `action:x-${A}`, kind: 'action', audience: 'users', title: 'Beställ ny brandvägg' },
			{ id: `agenda:m-${A}:i1`, kind: 'agenda', audience: 'users', title: 'Nätets säkerhet' },
			{ id: `decision:d-${A}`, kind: 'decision', audience: 'users', title: '' },
			// the latest version's name, supplier-internal
			{ id: `material:t-${A}`, kind: 'material', audience: 'internal', title: 'brandvagg-offert-v2.pdf' },
			{ id: `meeting:m-${A}`, kind: 'meeting', audience: 'users', title: 'Driftmöte' },
			{ id: `minutes:m-${A}`, kind: 'minutes', audience: 'users', title: '' }
		]);

		const mine = await findAnything(db, member, 'brandväggen');
		expect(mine.hits.map((h) => h.id).sort()).toEqual([`action:x-${A}`, `decision:d-${A}`, `minutes:m-${A}`, 'article:kb-users'].sort());
		const all = await findAnything(db, staff, 'brandväggen');
		expect(all.hits.map((h) => h.id)).toEqual(expect.arrayContaining([`decision:d-${A}`, `decision:d-${B}`, `material:t-${B}`, 'article:kb-internal']));

		// the application's reindexing writes the same entries as the migration did
		const before = await db.selectFrom('search_entries').selectAll().where('meeting_id', '=', `m-${A}`).where('kind', 'in', ['minutes', 'decision']).orderBy('id').execute();
		await reindexMinutes(db, `m-${A}`);
		const after = await db.selectFrom('search_entries').selectAll().where('meeting_id', '=', `m-${A}`).where('kind', 'in', ['minutes', 'decision']).orderBy('id').execute();
		expect(after.map(({ seq: _, ...e }) => e)).toEqual(before.map(({ seq: _, ...e }) => e));
		// and the full-text side followed: still exactly one hit each
		expect((await findAnything(db, member, 'stadshuset')).hits.map((h) => h.id).sort()).toEqual([`decision:d-${A}`, `minutes:m-${A}`]);
	});
});
