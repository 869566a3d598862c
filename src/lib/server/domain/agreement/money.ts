/**
 * Money of the agreement: whole öre as integers, never floats. Amounts are
 * read from text without ever passing through a float ("12 345,67",
 * "12345.67", "1 234 kr", "-500,5"), sums are integer sums, and VAT (25 %) is
 * computed once on a net sum and rounded to the nearest öre, halves away from
 * zero (docs/decisions.md, "Agreement and invoicing"), so nothing is lost to
 * rounding line by line.
 */

/** Swedish VAT on IT services: 25 %, in percent. */
export const VAT_PERCENT = 25;

/** Largest amount accepted, in öre (a thousand million kronor): far beyond any invoice line, and well inside exact integers. */
export const MAX_ORE = 100_000_000_000;

/** Half away from zero of `numerator / denominator` (integers, positive denominator). */
export function roundDiv(numerator: number, denominator: number): number {
	const sign = numerator < 0 ? -1 : 1;
	const n = Math.abs(numerator);
	return sign * Math.floor((n * 2 + denominator) / (denominator * 2));
}

/** VAT of a net amount in öre: 25 %, rounded to the öre, halves away from zero. */
export const vatOf = (netOre: number): number => roundDiv(netOre * VAT_PERCENT, 100);

/**
 * An amount in kronor as text → öre, or null when it is not one. Spaces
 * (also no-break ones), "kr" and "SEK" are ignored; the decimal sign is a
 * comma or a point followed by one or two digits at the end; other commas or
 * points must separate groups of three digits.
 */
export function parseKronor(text: string): number | null {
	let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|sek)\.?$/i, '');
	let sign = 1;
	if (s.startsWith('-') || s.startsWith('\u2212')) {
		sign = -1;
		s = s.slice(1);
	}
	// groups of three with one separator, then a decimal sign that is not that separator
	const m = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d{1,2}))?$/.exec(s);
	if (!m || (m[2] !== undefined && m[2] === m[3])) return null;
	const whole = Number(m[1].replace(/[.,]/g, ''));
	const ore = m[4] ? Number(m[4].padEnd(2, '0')) : 0;
	const value = sign * (whole * 100 + ore);
	return Math.abs(value) > MAX_ORE ? null : value + 0;
}

/** A whole number of units as text ("12", "1 200"), or null. */
export function parseWhole(text: string): number | null {
	const s = text.replace(/[\s\u00a0\u202f]/g, '');
	if (!/^-?\d{1,9}$/.test(s)) return null;
	return Number(s) + 0;
}
