/**
 * The knowledge base's full-text index on either engine. SQLite: an FTS5 table
 * (unicode61 tokenizer, diacritics removed) ranked by bm25. PostgreSQL: a
 * weighted tsvector with a GIN index ranked by ts_rank. Both take the same
 * stemmed prefix terms from search-query.ts, so a search finds the same
 * articles on both: "lösenordet" finds "Byt lösenord", "losenord" does too.
 *
 * Besides title and text an article is found by its terms: its category and
 * service ("inloggning" finds the articles of "Inloggning och konton") and the
 * later parts of its compound words ("portal" finds "lösenordsportalen").
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import { fts5Query, tsQuery, type TermMode } from './search-query';

/** What the PostgreSQL side indexes and queries: lower case without diacritics, as FTS5's remove_diacritics does. */
export const foldDiacritics = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** Shortest first part and shortest later part of a compound word that search splits off. */
const MIN_HEAD = 3;
const MIN_TAIL = 5;

/**
 * The later parts of the long words of `text`, each ending the word: Swedish
 * puts the thing a compound names last ("lösenordsportalen" is a portal), so
 * "portal" as a prefix of "portalen" finds it. Without a dictionary every
 * split point counts; a tail that starts mid-syllable matches no real word's
 * prefix in practice.
 */
export function compoundTails(text: string): string[] {
	const tails = new Set<string>();
	for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
		for (let i = MIN_HEAD; i <= word.length - MIN_TAIL; i++) tails.add(word.slice(i));
	}
	return [...tails];
}

/** What an article is indexed by. */
export interface IndexedArticle {
	title: string;
	/** summary and plain text */
	body: string;
	category: string;
	service: string | null;
}

/** The terms column: category, service and the compound tails of everything. */
export const indexTerms = (a: IndexedArticle): string => {
	const labels = [a.category, a.service ?? ''].join(' ');
	return [labels, ...compoundTails(`${a.title} ${labels} ${a.body}`)].join(' ');
};

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

export interface IndexMatch {
	/** where-clause: the article holds the terms */
	matches: RawBuilder<boolean>;
	/** a piece of the body around the match */
	snippet: RawBuilder<string>;
	/** best match first (direction included) */
	bestFirst: RawBuilder<unknown>;
}

/**
 * Terms are letters and digits only (search-query.ts), so they cannot carry
 * operators into either query language; they are bound as parameters anyway.
 */
export function matchTerms(db: Executor, terms: string[], mode: TermMode): IndexMatch {
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
