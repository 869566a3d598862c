/**
 * The customer portal: which reports a customer's members may see, and the
 * knowledge base (articles with versions, feedback, full-text search).
 *
 * - report_grants: one row per member and report the customer admin granted
 *   (admins and supplier staff see every report without a row);
 * - kb_articles: the current version of each article, shared with every
 *   customer when customer_id is null; audience users | admins | internal;
 * - kb_article_versions: every published version's Lexical JSON, kept;
 * - kb_feedback: one "was this helpful?" answer per person and article;
 * - kb_search: FTS5 over title and plain text (issue 8 moves search to
 *   PostgreSQL behind the same function).
 *
 * Frozen once shipped; never import application code here.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib/portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_grants')
		.addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		// 'sla' | 'cases' | 'meetings'
		.addColumn('report', 'text', (c) => c.notNull())
		.addColumn('granted_by', 'text', (c) => c.references('people.id'))
		.addColumn('granted_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('report_grants_pk', ['person_id', 'report'])
		.execute();
	await db.schema.createIndex('report_grants_customer').on('report_grants').column('customer_id').execute();

	await db.schema
		.createTable('kb_articles')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
		// 'users' | 'admins' | 'internal'
		.addColumn('audience', 'text', (c) => c.notNull())
		// 'article' | 'guide'
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('service', 'text')
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('helpful_yes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('helpful_no', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'text', (c) => c.references('people.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.references('people.id'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('kb_articles_customer').on('kb_articles').columns(['customer_id', 'audience']).execute();

	await db.schema
		.createTable('kb_article_versions')
		.addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('people.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('kb_article_versions_pk', ['article_id', 'version'])
		.execute();

	await db.schema
		.createTable('kb_feedback')
		.addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
		.addColumn('helpful', 'integer', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('kb_feedback_pk', ['article_id', 'person_id'])
		.execute();

	if (isPostgres(db)) {
		// PostgreSQL's own full-text search: a weighted tsvector per article
		// (title A, body D) with a GIN index. The application folds diacritics
		// and stems before it indexes and queries (kb/search-index.ts), so the
		// 'simple' configuration only splits words, exactly as FTS5 does below.
		await db.schema
			.createTable('kb_search')
			.addColumn('article_id', 'text', (c) => c.primaryKey())
			.addColumn('title', 'text', (c) => c.notNull())
			.addColumn('body', 'text', (c) => c.notNull())
			.addColumn('document', sql`tsvector`, (c) => c.notNull())
			.execute();
		await sql`create index kb_search_document_idx on kb_search using gin (document)`.execute(db);
		return;
	}
	// diacritics folded on both sides, so "losenord" also finds "lösenord"
	await sql`create virtual table kb_search using fts5(article_id unindexed, title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists kb_search`.execute(db);
	await db.schema.dropTable('kb_feedback').ifExists().execute();
	await db.schema.dropTable('kb_article_versions').ifExists().execute();
	await db.schema.dropTable('kb_articles').ifExists().execute();
	await db.schema.dropTable('report_grants').ifExists().execute();
}
