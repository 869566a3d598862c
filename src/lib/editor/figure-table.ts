/**
 * Draws a table of figures into a data block of the minutes (plain DOM, text
 * only: figures come from our server, but nothing here parses HTML).
 */
import type { FrozenFigure } from '$lib/governance/figures';
import { loc } from '$lib/i18n';
import { formatCell } from '$lib/number-format';

export type FigureTable = FrozenFigure;

export function renderFigureTable(figure: FigureTable | undefined, words: { missing: string; none: string; period: string }): HTMLElement {
	const wrap = document.createElement('div');
	if (!figure) {
		const p = document.createElement('p');
		p.className = 'text-sm text-slate-500 italic';
		p.textContent = words.missing;
		wrap.append(p);
		return wrap;
	}
	const table = document.createElement('table');
	table.className = 'data-table';
	// figures keep the language they were made in (frozen at approval; Swedish when frozen before that was recorded):
	// said to screen readers, left alone by translators
	table.lang = figure.lang ?? 'sv';
	table.setAttribute('translate', 'no');
	const caption = table.createCaption();
	caption.className = 'mb-1 text-left text-sm font-semibold text-slate-900';
	caption.textContent = `${figure.title} (${words.period} ${loc(figure.periodLabel)})`;
	const head = table.createTHead().insertRow();
	for (const c of figure.columns) {
		const th = document.createElement('th');
		th.scope = 'col';
		th.textContent = c;
		head.append(th);
	}
	const body = table.createTBody();
	if (figure.rows.length === 0) {
		const cell = body.insertRow().insertCell();
		cell.colSpan = figure.columns.length;
		cell.className = 'text-slate-500 italic';
		cell.textContent = words.none;
	}
	for (const row of figure.rows) {
		const tr = body.insertRow();
		for (const v of row) tr.insertCell().textContent = formatCell(v, figure.lang ?? 'sv');
	}
	wrap.append(table);
	return wrap;
}
