/**
 * Turns whatever a user types into a safe FTS5 query. Only runs of letters and
 * digits survive; each becomes a quoted prefix term of its Swedish stem, so
 * FTS operators, quotes, NEAR( and column filters in the input are plain text
 * and cannot break the query.
 */
import { swedishStem } from './swedish-stem';

const MAX_INPUT = 500;
const MAX_TERMS = 12;

// words a question is made of that say nothing about the article
const STOP_WORDS = new Set(
	'och att det som en ett är på för med till av om hur jag vad kan man min mitt mina du din ditt vi de den när var vilken vilka eller inte har ska vill the and how to of a in is for'.split(' ')
);

export interface FtsQuery {
	/** all terms (AND); null when nothing searchable is left */
	all: string | null;
	/** any term (OR), the fallback when no article holds all */
	any: string | null;
	terms: string[];
}

export function buildFtsQuery(input: string): FtsQuery {
	const words = (input.slice(0, MAX_INPUT).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 60);
	const meaningful = words.filter((w) => !STOP_WORDS.has(w));
	const chosen = (meaningful.length ? meaningful : words).slice(0, MAX_TERMS);
	const terms = [...new Set(chosen.map(swedishStem))];
	if (terms.length === 0) return { all: null, any: null, terms };
	// a term is letters and digits only, so the quotes need no escaping
	const parts = terms.map((t) => `"${t}"*`);
	return { all: parts.join(' AND '), any: parts.join(' OR '), terms };
}
