/**
 * How deeply a JSON text nests, counted before it is parsed or walked: every
 * reader of JSON from outside (the API's bodies, rich-text bodies from forms)
 * refuses what nests deeper than MAX_JSON_DEPTH, so no recursive code after it
 * (JSON.stringify, Lexical, zod) can run out of stack.
 */

/** Arrays and objects inside each other; a Lexical article needs about two per level of its tree. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in `text` (brackets inside strings
 * do not count). Malformed text gets some number: parsing refuses it anyway.
 * Stops as soon as the depth passes `stopAt`.
 */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > max && (max = depth) > stopAt) return max;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return max;
}

/** Whether `text` nests deeper than the limit. */
export const tooDeep = (text: string, limit = MAX_JSON_DEPTH): boolean => jsonDepth(text, limit) > limit;
