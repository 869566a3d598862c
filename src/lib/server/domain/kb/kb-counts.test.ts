/**
 * Knowledge-base counts per customer: the pure parts (whose view a read is,
 * merging, totals) and, on a migrated in-memory SQLite database, that a shared
 * article read and answered by one customer's people changes that customer's
 * numbers only, and that the migration moves the old global counters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Db } from '$lib/server/db';
import { bundledMigrations } from '$lib/server/db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';
import { demoNumber } from '$lib/server/demo/demo-kb';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import { customerCounts, mergeCounts, summarizeCounts, viewerCustomer } from './kb-counts';
import { createArticle, getArticle, giveFeedback, kbStatistics, listArticles, searchArticles, type ArticleSummary } from './kb.service';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NEW_MIGRATION = '2026-11-28T1600_kb-counts-per-customer';

const person = (id: string, customerId: string | null, access: Actor['access']): Actor => ({ personId: id, name: id, email: `${id}@x.example`, access, customerId });
const aAdmin = person('aaaaaaaa-0000-4000-8000-000000000001', A, 'customer_admin');
const aMember = person('aaaaaaaa-0000-4000-8000-000000000002', A, 'customer_member');
const bAdmin = person('bbbbbbbb-0000-4000-8000-000000000001', B, 'customer_admin');
const staff = person('cccccccc-0000-4000-8000-000000000001', null, 'supplier_staff');

describe('pure parts', () => {
	it("a read counts for the reader's own customer only, never for supplier staff", () => {
		expect(viewerCustomer(aMember, A)).toBe(A);
		expect(viewerCustomer(aAdmin, A)).toBe(A);
		expect(viewerCustomer(aMember, B)).toBeNull();
		expect(viewerCustomer(staff, A)).toBeNull();
		expect(viewerCustomer(SYSTEM_ACTOR, A)).toBeNull();
	});

	it('merges view rows and answer tallies (strings from a driver too) per article', () => {
		const counts = mergeCounts(
			[
				{ article_id: 'x', views: 4 },
				{ article_id: 'y', views: 1 }
			],
			[
				{ article_id: 'x', yes: '2', no: 1 },
				{ article_id: 'z', yes: 0, no: null }
			]
		);
		expect(Object.fromEntries(counts)).toEqual({
			x: { views: 4, helpfulYes: 2, helpfulNo: 1 },
			y: { views: 1, helpfulYes: 0, helpfulNo: 0 },
			z: { views: 0, helpfulYes: 0, helpfulNo: 0 }
		});
	});

	it('sums one customer’s counts and lists the most read first', () => {
		const a = (id: string, views: number, helpfulYes = 0, helpfulNo = 0) => ({ id, views, helpfulYes, helpfulNo }) as ArticleSummary;
		const s = summarizeCounts([a('x', 1, 1), a('y', 7, 0, 2), a('z', 3)]);
		expect([s.articles, s.views, s.helpfulYes, s.helpfulNo]).toEqual([3, 11, 1, 2]);
		expect(s.top.map((t) => t.id)).toEqual(['y', 'z', 'x']);
	});

	it('demo numbers are stable and in range', () => {
		expect(demoNumber('Norrby:Återställa lösenord', 25)).toBe(demoNumber('Norrby:Återställa lösenord', 25));
		for (const seed of ['a', 'b', 'Återställa lösenord', '']) expect(demoNumber(seed, 7)).toBeLessThan(7);
	});
});

let db: Db | undefined;
afterEach(async () => {
	await db?.destroy();
	db = undefined;
});

async function seedParties(d: Db) {
	const now = new Date().toISOString();
	for (const [id, name] of [
		[A, 'Kund A'],
		[B, 'Kund B']
	])
		await d.insertInto('customers').values({ id, name, org_number: null, created_at: now, updated_at: now }).execute();
	for (const p of [aAdmin, aMember, bAdmin, staff])
		await d
			.insertInto('people')
			.values({ id: p.personId, customer_id: p.customerId, name: p.name, email: p.email, phone: null, title: null, access: p.access, created_at: now, updated_at: now })
			.execute();
}

const SHARED = { title: 'Återställa lösenord', category: 'Konton', kind: 'guide', audience: 'users', shared: true, markup: 'Byt lösenordet på Mina sidor.' };

describe('counts per customer (SQLite in memory)', () => {
	it("a shared article read and answered by A's people changes A's numbers, not B's", async () => {
		db = createDb({ dialect: 'sqlite', filename: ':memory:' });
		await migrateToLatest(db, bundledMigrations);
		await seedParties(db);
		const { id } = await createArticle(db, SYSTEM_ACTOR, A, SHARED);

		await getArticle(db, aMember, A, id, { countView: true });
		await getArticle(db, aAdmin, A, id, { countView: true });
		// supplier staff reading in either portal are counted for nobody
		await getArticle(db, staff, A, id, { countView: true });
		await getArticle(db, staff, B, id, { countView: true });
		expect(await giveFeedback(db, aMember, A, id, { helpful: true })).toEqual({ helpful: true, helpfulYes: 1, helpfulNo: 0 });
		expect(await giveFeedback(db, aAdmin, A, id, { helpful: false })).toEqual({ helpful: false, helpfulYes: 1, helpfulNo: 1 });
		// a supplier's answer is kept (its own "myFeedback") and counted for no customer
		expect(await giveFeedback(db, staff, B, id, { helpful: true })).toEqual({ helpful: true, helpfulYes: 0, helpfulNo: 0 });
		expect((await getArticle(db, staff, B, id)).myFeedback).toBe(true);

		const seen = async (actor: Actor, customerId: string) => {
			const a = await getArticle(db!, actor, customerId, id);
			return [a.views, a.helpfulYes, a.helpfulNo];
		};
		expect(await seen(aAdmin, A)).toEqual([2, 1, 1]);
		expect(await seen(staff, A)).toEqual([2, 1, 1]);
		expect(await seen(bAdmin, B)).toEqual([0, 0, 0]);
		expect(await seen(staff, B)).toEqual([0, 0, 0]);

		const listed = async (actor: Actor, customerId: string) => (await listArticles(db!, actor, customerId)).find((a) => a.id === id)!;
		expect((await listed(bAdmin, B)).views).toBe(0);
		expect((await listed(aMember, A)).views).toBe(2);
		const [hitB] = await searchArticles(db, bAdmin, B, 'lösenordet');
		const [hitA] = await searchArticles(db, aAdmin, A, 'lösenordet');
		expect([hitB.views, hitB.helpfulYes, hitB.helpfulNo]).toEqual([0, 0, 0]);
		expect([hitA.views, hitA.helpfulYes, hitA.helpfulNo]).toEqual([2, 1, 1]);
		const statsB = await kbStatistics(db, bAdmin, B);
		const statsA = await kbStatistics(db, staff, A);
		expect([statsB.views, statsB.helpfulYes, statsB.helpfulNo]).toEqual([0, 0, 0]);
		expect([statsA.views, statsA.helpfulYes, statsA.helpfulNo]).toEqual([2, 1, 1]);

		// B's own reading starts B's own numbers
		await getArticle(db, bAdmin, B, id, { countView: true });
		expect(await seen(bAdmin, B)).toEqual([1, 0, 0]);
		expect(await seen(aAdmin, A)).toEqual([2, 1, 1]);
		expect(Object.fromEntries(await customerCounts(db, B, []))).toEqual({});
	});

	it('the migration gives a customer its own article’s old views, and leaves shared ones to nobody', async () => {
		db = createDb({ dialect: 'sqlite', filename: ':memory:' });
		const before = Object.fromEntries(Object.entries(bundledMigrations).filter(([name]) => name < NEW_MIGRATION));
		await migrateToLatest(db, before);
		await seedParties(db);
		const now = new Date().toISOString();
		const article = (id: string, customerId: string | null, views: number) =>
			sql`insert into kb_articles (id, customer_id, audience, kind, category, title, body, body_text, version, views, helpful_yes, helpful_no, created_at, updated_at)
				values (${id}, ${customerId}, 'users', 'article', 'x', ${id}, '{}', '', 1, ${views}, 5, 5, ${now}, ${now})`.execute(db!);
		await article('own-a', A, 12);
		await article('own-b-unread', B, 0);
		await article('shared', null, 40);
		await db.insertInto('kb_feedback').values({ article_id: 'shared', person_id: aMember.personId, helpful: 1, at: now }).execute();

		await migrateToLatest(db, bundledMigrations);
		const reads = await db.selectFrom('kb_article_reads').selectAll().orderBy('article_id').execute();
		expect(reads).toEqual([{ article_id: 'own-a', customer_id: A, views: 12 }]);
		const columns = (await sql<{ name: string }>`select name from pragma_table_info('kb_articles')`.execute(db)).rows.map((r) => r.name);
		expect(columns).not.toContain('views');
		expect(columns).not.toContain('helpful_yes');
		expect(columns).not.toContain('helpful_no');
		// helpful counts now come from the answers themselves
		expect(Object.fromEntries(await customerCounts(db, A))).toEqual({
			'own-a': { views: 12, helpfulYes: 0, helpfulNo: 0 },
			shared: { views: 0, helpfulYes: 1, helpfulNo: 0 }
		});
	});
});
