/**
 * Knowledge-base counts per customer (session 4). Until now an article's
 * views and "was this helpful?" answers were global counters on kb_articles,
 * so a shared article showed every customer how much the others read it.
 *
 * - kb_article_reads: views per article and customer (only a customer's own
 *   people count; supplier staff reading are not counted anywhere);
 * - helpful yes/no is no longer stored as counters: it is counted from
 *   kb_feedback (one answer per person) joined to the person's customer,
 *   which is the one source of truth it always was;
 * - the old counters are moved, then dropped: the views of a customer's own
 *   article belong to that customer; the views of a shared article cannot be
 *   split between customers and are not carried over (nobody's number).
 *   helpful_yes/helpful_no were recomputed from kb_feedback on every answer,
 *   so nothing is lost there.
 *
 * Both engines drop a plain column with `alter table … drop column` (SQLite
 * since 3.35): one statement per column, since SQLite takes one at a time,
 * and none of the three is in an index, key or constraint.
 *
 * Frozen once shipped; never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const COUNTERS = ['views', 'helpful_yes', 'helpful_no'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('kb_article_reads')
		.addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('kb_article_reads_pk', ['article_id', 'customer_id'])
		.execute();
	await db.schema.createIndex('kb_article_reads_customer').on('kb_article_reads').column('customer_id').execute();

	await db
		.insertInto('kb_article_reads')
		.columns(['article_id', 'customer_id', 'views'])
		.expression(db.selectFrom('kb_articles').select(['id', 'customer_id', 'views']).where('customer_id', 'is not', null).where('views', '>', 0))
		.execute();

	for (const column of COUNTERS) await db.schema.alterTable('kb_articles').dropColumn(column).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const column of COUNTERS) {
		await db.schema
			.alterTable('kb_articles')
			.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
	}
	// back to global counters: every customer's views, every answer
	await sql`update kb_articles set
		views = coalesce((select sum(r.views) from kb_article_reads r where r.article_id = kb_articles.id), 0),
		helpful_yes = (select count(*) from kb_feedback f where f.article_id = kb_articles.id and f.helpful = 1),
		helpful_no = (select count(*) from kb_feedback f where f.article_id = kb_articles.id and f.helpful = 0)`.execute(db);
	await db.schema.dropTable('kb_article_reads').ifExists().execute();
}
