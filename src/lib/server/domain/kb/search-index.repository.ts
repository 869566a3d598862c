/**
 * The knowledge base's full-text index on either engine (see search-index.ts
 * for what an article is indexed by). SQLite: an FTS5 table ranked by bm25.
 * PostgreSQL: a weighted tsvector with a GIN index ranked by ts_rank.
 * Repository functions take the executor first so they work inside a transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import { inScope, type ArticleRow, type ArticleScope } from './kb.repository';
import { foldDiacritics, fts5Query, tsQuery, type TermMode } from '../search/search-query';
import { indexTerms, type IndexedArticle } from './search-index';

export async function indexArticle(db: Executor, id: string, article: IndexedArticle): Promise<void> {
	const { title, body } = article;
	const terms = indexTerms(article);
	await db.deleteFrom('kb_search').where('article_id', '=', id).execute();
	if (dialectOf(db) === 'postgres') {
		// title weighs most (A), the terms next (B), the body least (D): as bm25's 5:2:1 below
		await sql`insert into kb_search (article_id, title, body, document) values (${id}, ${title}, ${body},
			setweight(to_tsvector('simple', ${foldDiacritics(title)}), 'A') || setweight(to_tsvector('simple', ${foldDiacritics(terms)}), 'B')
			|| setweight(to_tsvector('simple', ${foldDiacritics(body)}), 'D'))`.execute(db);
		return;
	}
	await db.insertInto('kb_search').values({ article_id: id, title, body, terms }).execute();
}

interface IndexMatch {
	/** where-clause: the article holds the terms */
	matches: RawBuilder<boolean>;
	/** a piece of the body around the match */
	snippet: RawBuilder<string>;
	/** best match first (direction included) */
	bestFirst: RawBuilder<unknown>;
}

/**
 * Terms are letters and digits only (search/search-query.ts), so they cannot carry
 * operators into either query language; they are bound as parameters anyway.
 */
function matchTerms(db: Executor, terms: string[], mode: TermMode): IndexMatch {
	if (dialectOf(db) === 'postgres') {
		const tsquery = sql`to_tsquery('simple', ${tsQuery(terms, mode, foldDiacritics)})`;
		return {
			matches: sql<boolean>`kb_search.document @@ ${tsquery}`,
			snippet: sql<string>`ts_headline('simple', kb_search.body, ${tsquery}, 'StartSel="", StopSel="", MaxWords=16, MinWords=6')`,
			bestFirst: sql`ts_rank(kb_search.document, ${tsquery}) desc`
		};
	}
	return {
		matches: sql<boolean>`kb_search match ${fts5Query(terms, mode)}`,
		snippet: sql<string>`snippet(kb_search, 2, '', '', '…', 16)`,
		bestFirst: sql`bm25(kb_search, 0.0, 5.0, 1.0, 2.0)`
	};
}

/** The articles in scope that hold the terms, best match first, each with a piece of its text around the match. */
export async function searchIndex(
	db: Executor,
	scope: ArticleScope,
	terms: string[],
	mode: TermMode,
	limit: number
): Promise<(ArticleRow & { snippet: string })[]> {
	const m = matchTerms(db, terms, mode);
	return db
		.selectFrom('kb_search')
		.innerJoin('kb_articles', 'kb_articles.id', 'kb_search.article_id')
		.selectAll('kb_articles')
		.select(m.snippet.as('snippet'))
		.where(m.matches)
		.where(inScope(scope))
		.orderBy(m.bestFirst)
		.limit(limit)
		.execute();
}
