/**
 * Knowledge-base search finds an article by its category and service too
 * (issue 14, point 16: "inloggning" found nothing although a category is
 * called "Inloggning och konton"), and by the later parts of its compound
 * words. The application now indexes a third kind of text per article, its
 * terms (kb/search-index.ts: category, service and compound tails):
 *
 * - SQLite: the FTS5 table gets a `terms` column. A virtual table cannot be
 *   altered, so it is made anew and filled from kb_articles: title, summary
 *   and text as before, terms = category and service;
 * - PostgreSQL: the terms go into the weighted tsvector (weight B), which the
 *   application computes; the table itself does not change. Existing rows get
 *   their category and service added here (lower case, Swedish and common
 *   accented letters folded, as the application folds them).
 *
 * Compound tails of articles written before this migration come with their
 * next saved version; category and service are searchable at once.
 *
 * Frozen once shipped; never import application code here.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib/portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function recreateSqlite(db: Kysely<any>, withTerms: boolean): Promise<void> {
	await sql`drop table if exists kb_search`.execute(db);
	if (withTerms) {
		await sql`create virtual table kb_search using fts5(article_id unindexed, title, body, terms, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
		await sql`insert into kb_search (article_id, title, body, terms)
			select id, title, summary || char(10) || body_text, category || ' ' || coalesce(service, '') from kb_articles`.execute(db);
		return;
	}
	await sql`create virtual table kb_search using fts5(article_id unindexed, title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
	await sql`insert into kb_search (article_id, title, body) select id, title, summary || char(10) || body_text from kb_articles`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		await sql`update kb_search set document = kb_search.document || setweight(to_tsvector('simple',
			translate(lower(a.category || ' ' || coalesce(a.service, '')), 'åäöéèêëáàâüúùíìïóòôçñ', 'aaoeeeeaaauuuiiiooocn')), 'B')
			from kb_articles a where a.id = kb_search.article_id`.execute(db);
		return;
	}
	await recreateSqlite(db, true);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	// PostgreSQL: the terms stay in the tsvector until an article is saved again (harmless: they only widen search)
	if (!isPostgres(db)) await recreateSqlite(db, false);
}
