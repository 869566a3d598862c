/**
 * Turns whatever a user types into safe full-text queries. Only runs of
 * letters and digits survive; each becomes a prefix term of its Swedish stem,
 * so operators, quotes, NEAR( and column filters in the input are plain text
 * and cannot break the query, in FTS5 or in a PostgreSQL tsquery.
 */
import { swedishStem } from './swedish-stem';

const MAX_INPUT = 500;
const MAX_TERMS = 12;

// words a question is made of that say nothing about the article
const STOP_WORDS = new Set(
	'och att det som en ett är på för med till av om hur jag vad kan man min mitt mina du din ditt vi de den när var vilken vilka eller inte har ska vill the and how to of a in is for'.split(' ')
);

/** all terms (AND), or any term (OR): the fallback when no article holds all */
export type TermMode = 'all' | 'any';

/** The stems to search for: letters and digits only, at most MAX_TERMS; empty when nothing is searchable. */
export function searchTerms(input: string): string[] {
	const words = (input.slice(0, MAX_INPUT).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 60);
	const meaningful = words.filter((w) => !STOP_WORDS.has(w));
	const chosen = (meaningful.length ? meaningful : words).slice(0, MAX_TERMS);
	return [...new Set(chosen.map(swedishStem))];
}

/** What the PostgreSQL side indexes and queries: lower case without diacritics, as FTS5's remove_diacritics does. */
export const foldDiacritics = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** FTS5: quoted prefix terms (a term is letters and digits only, so the quotes need no escaping). */
export const fts5Query = (terms: string[], mode: TermMode): string => terms.map((t) => `"${t}"*`).join(mode === 'all' ? ' AND ' : ' OR ');

/** The same for PostgreSQL's to_tsquery, on text folded as the index is. */
export const tsQuery = (terms: string[], mode: TermMode, fold: (t: string) => string): string =>
	terms.map((t) => `${fold(t)}:*`).join(mode === 'all' ? ' & ' : ' | ');
