/**
 * A table of delivery figures (SLA, KPIs, incidents, …) as shown in a meeting
 * and frozen with its approved minutes. Isomorphic: the server builds and
 * freezes it, the browser draws it (meeting page, data blocks in the minutes).
 */
import type { Localized } from '$lib/i18n';

export interface FrozenFigure {
	id: string;
	title: string;
	/** first day of the period the figures cover, yyyy-mm-dd (Stockholm), inclusive */
	from: string;
	/** last day of the period, yyyy-mm-dd (Stockholm), inclusive */
	to: string;
	/** the period as every surface shows it, in both languages (itsm/period.ts formatPeriod), frozen with the figures */
	periodLabel: Localized;
	/** the language of the title, columns and words in the cells (absent in figures frozen before it was recorded: Swedish) */
	lang?: 'sv' | 'en';
	columns: string[];
	/** numbers are formatted when shown, in the figure's language (number-format.ts) */
	rows: (string | number | null)[][];
	/** of a ticket list: how many there are in all (rows shows the first few); absent in minutes frozen before it was kept */
	total?: number;
}
