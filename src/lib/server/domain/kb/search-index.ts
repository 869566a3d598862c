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
 *
 * This file says what an article is indexed by; search-index.repository.ts
 * writes and queries the index.
 */

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
