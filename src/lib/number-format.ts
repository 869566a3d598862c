/**
 * The one number formatter of the product, per language: Swedish gets a
 * decimal comma and a no-break space between thousands ("8 020,3"), English a
 * point and a comma ("8,020.3"). Isomorphic: pages, the room, the figure
 * tables and the exports (PDF, HTML, Markdown) all format through it.
 * CSV files keep bare numbers with a decimal comma (see portal/csv.ts) so a
 * spreadsheet reads them as numbers.
 */
export type NumberLocale = 'sv' | 'en';

const TAG: Record<NumberLocale, string> = { sv: 'sv-SE', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: NumberLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = cache.get(key);
	if (!f) cache.set(key, (f = new Intl.NumberFormat(TAG[locale], options)));
	return f;
}

/** A number with at most `digits` decimals; '–' when there is none. */
export const formatNumber = (value: number | null | undefined, locale: NumberLocale, digits = 1): string =>
	value === null || value === undefined || !Number.isFinite(value) ? '–' : formatter(locale, { maximumFractionDigits: digits }).format(value);

/** A share (0.951) as a percentage ("95,1 %"); '–' when there is none. */
export const formatPercent = (share: number | null | undefined, locale: NumberLocale, digits = 1): string =>
	share === null || share === undefined || !Number.isFinite(share) ? '–' : formatter(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);

/** A cell of a figure table: numbers formatted (up to three decimals, as stored), text as it is, no value as '–'. */
export const formatCell = (value: string | number | null | undefined, locale: NumberLocale): string =>
	typeof value === 'number' ? formatNumber(value, locale, 3) : (value ?? '–');
