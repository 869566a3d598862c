/**
 * A table of delivery figures (SLA, KPIs, incidents, …) as shown in a meeting
 * and frozen with its approved minutes. Isomorphic: the server builds and
 * freezes it, the browser draws it (meeting page, data blocks in the minutes).
 */
export interface FrozenFigure {
	id: string;
	title: string;
	/** period the figures cover, ISO dates */
	from: string;
	to: string;
	/** the language of the title, columns and words in the cells (absent in figures frozen before it was recorded: Swedish) */
	lang?: 'sv' | 'en';
	columns: string[];
	/** numbers are formatted when shown, in the figure's language (number-format.ts) */
	rows: (string | number | null)[][];
}
