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

/**
 * An amount in öre as kronor with öre: "12 345,67 kr" (Swedish: no-break space
 * between thousands, decimal comma), "SEK 12,345.67" in English. Integer
 * arithmetic only: the öre are never passed through a float.
 */
export function formatMoney(ore: number | null | undefined, locale: NumberLocale): string {
	if (ore === null || ore === undefined || !Number.isFinite(ore)) return '–';
	const sign = ore < 0 ? (locale === 'sv' ? '\u2212' : '-') : '';
	const abs = Math.abs(Math.trunc(ore));
	const kronor = formatter(locale, { maximumFractionDigits: 0, useGrouping: true }).format(Math.floor(abs / 100));
	const cents = String(abs % 100).padStart(2, '0');
	return locale === 'sv' ? `${sign}${kronor},${cents}\u00a0kr` : `${sign}SEK\u00a0${kronor}.${cents}`;
}
