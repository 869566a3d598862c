import type { ExportLocale } from './labels';

/** `?lang=sv|en` wins; otherwise the reader's language. */
export const exportLocale = (url: URL, current: string): ExportLocale => {
	const asked = url.searchParams.get('lang');
	if (asked === 'sv' || asked === 'en') return asked;
	return current === 'en' ? 'en' : 'sv';
};
