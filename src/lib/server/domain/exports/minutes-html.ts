/**
 * Approved minutes as one standalone HTML document (inline styles, no
 * scripts, no external resources). Every piece of user text is escaped; links
 * survive only as http(s) or mailto.
 */
import type { FrozenFigure, MinutesBlock, MinutesModel, MinutesRun } from '../meeting-core/minutes-model';
import type { ExportLocale } from './labels';
import { decisionNumber, figureCells, minutesOutline, safeHref, type Outline } from './minutes-outline';

export const escapeHtml = (s: string): string =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function runHtml(r: MinutesRun): string {
	let out = escapeHtml(r.text).replace(/\n/g, '<br>');
	if (r.code) out = `<code>${out}</code>`;
	if (r.bold) out = `<strong>${out}</strong>`;
	if (r.italic) out = `<em>${out}</em>`;
	if (r.underline) out = `<u>${out}</u>`;
	if (r.strikethrough) out = `<s>${out}</s>`;
	const href = safeHref(r.href);
	if (href) out = `<a href="${escapeHtml(href)}">${out}</a>`;
	return out;
}

const runsHtml = (runs: MinutesRun[]) => runs.map(runHtml).join('');

function figureHtml(f: FrozenFigure, o: Outline): string {
	const head = f.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
	const text = figureCells(f);
	const body = f.rows
		.map((row, i) => `<tr>${row.map((v, j) => `<td${typeof v === 'number' ? ' class="num"' : ''}>${escapeHtml(text[i][j])}</td>`).join('')}</tr>`)
		.join('\n');
	return `<figure class="data"><table><caption>${escapeHtml(f.title)} <span class="muted">(${escapeHtml(o.labels.period)}: ${escapeHtml(f.periodLabel[o.locale])})</span></caption>
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody></table></figure>`;
}

function listHtml(block: Extract<MinutesBlock, { type: 'list' }>): string {
	const tag = block.style === 'number' ? 'ol' : 'ul';
	// Flat items with depths become nested lists.
	let html = '';
	let depth = -1;
	for (const item of block.items) {
		const d = Math.max(0, item.depth);
		if (d > depth) html += `<${tag}${block.style === 'check' ? ' class="check"' : ''}>`.repeat(d - depth);
		else {
			html += '</li>';
			if (d < depth) html += `</${tag}></li>`.repeat(depth - d);
		}
		depth = d;
		const box = block.style === 'check' ? (item.checked ? '☑ ' : '☐ ') : '';
		html += `<li>${box}${runsHtml(item.runs)}`;
	}
	if (depth >= 0) html += '</li>' + `</${tag}>` + `</li></${tag}>`.repeat(depth);
	return html;
}

function blockHtml(block: MinutesBlock, model: MinutesModel, o: Outline): string {
	switch (block.type) {
		case 'heading': {
			// h1 is the document title and h2 the sections: the minutes' own headings sit below them.
			const level = Math.min(6, block.level + 2);
			return `<h${level}>${runsHtml(block.runs)}</h${level}>`;
		}
		case 'paragraph':
			return `<p>${runsHtml(block.runs)}</p>`;
		case 'quote':
			return `<blockquote>${runsHtml(block.runs)}</blockquote>`;
		case 'list':
			return listHtml(block);
		case 'decision': {
			const n = decisionNumber(model, block.id);
			return `<p class="decision"><strong>${escapeHtml(n === null ? o.labels.decisions : o.labels.decision(n))}:</strong> ${runsHtml(block.runs)}</p>`;
		}
		case 'data': {
			const f = model.figures.find((x) => x.id === block.figureId);
			return f ? figureHtml(f, o) : '';
		}
	}
}

const STYLE = `
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;color:#0f172a;line-height:1.5;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .75rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #cbd5e1;padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}h4,h5,h6{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}th,td{border:1px solid #cbd5e1;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;margin-bottom:.25rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dl.facts dt{font-weight:600;color:#475569}dl.facts dd{margin:0}
.muted{color:#64748b;font-weight:400}.decision{background:#f0f9ff;border-left:4px solid #0369a1;padding:.4rem .75rem}
blockquote{border-left:3px solid #cbd5e1;margin:.5rem 0;padding-left:.75rem;color:#334155}ul.check{list-style:none;padding-left:1.2rem}
figure{margin:0}@media print{body{margin:0;max-width:none}a{color:inherit}}
`;

const table = (headers: string[], rows: string[][]) =>
	`<table><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;

export function minutesToHtml(model: MinutesModel, locale: ExportLocale): string {
	const o = minutesOutline(model, locale);
	const l = o.labels;
	const parts: string[] = [];
	parts.push(`<h1>${escapeHtml(o.title)}</h1>`);
	parts.push(`<dl class="facts">${o.facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`);

	parts.push(`<h2>${escapeHtml(l.attendees)}</h2>`);
	for (const side of o.sides) {
		parts.push(`<h3>${escapeHtml(side.title)}</h3>`);
		parts.push(
			side.rows.length
				? table([l.name, l.role, l.duties, l.attendance], side.rows.map((r) => [r.name, r.role, r.duties, r.attendance]))
				: `<p class="muted">${escapeHtml(l.nobody)}</p>`
		);
	}

	parts.push(`<h2>${escapeHtml(l.agenda)}</h2>`);
	parts.push(`<ol>${o.agenda.map((a) => `<li>${escapeHtml(a.title)} <span class="muted">(${escapeHtml(a.detail)})</span></li>`).join('')}</ol>`);

	if (o.material.rows.length) {
		parts.push(`<h2>${escapeHtml(l.material)}</h2>`);
		parts.push(table(o.material.columns, o.material.rows));
	}

	parts.push(`<h2>${escapeHtml(l.minutesText)}</h2>`);
	parts.push(model.blocks.map((b) => blockHtml(b, model, o)).join('\n'));

	parts.push(`<h2>${escapeHtml(l.decisions)}</h2>`);
	parts.push(
		o.decisions.length
			? `<ol class="decisions">${o.decisions.map((d) => `<li><strong>${escapeHtml(d.label)}:</strong> ${escapeHtml(d.text)}</li>`).join('')}</ol>`
			: `<p class="muted">${escapeHtml(l.noDecisions)}</p>`
	);

	parts.push(`<h2>${escapeHtml(l.actions)}</h2>`);
	for (const g of o.actionGroups) {
		parts.push(`<h3>${escapeHtml(g.title)}</h3>`);
		parts.push(
			g.rows.length
				? table(o.actionColumns, g.rows)
				: `<p class="muted">${escapeHtml(l.noActions)}</p>`
		);
	}

	if (o.looseFigureIds.length) {
		parts.push(`<h2>${escapeHtml(l.figures)}</h2>`);
		for (const id of o.looseFigureIds) parts.push(figureHtml(model.figures.find((f) => f.id === id)!, o));
	}

	parts.push(`<h2>${escapeHtml(l.approvals)}</h2>`);
	parts.push(
		o.approvals.length
			? table([l.role, l.name, l.approvedAt], o.approvals.map((a) => [a.role, a.name, a.at]))
			: `<p class="muted">${escapeHtml(l.notApproved)}</p>`
	);

	if (o.addenda.length) {
		parts.push(`<h2>${escapeHtml(l.addenda)}</h2>`);
		for (const a of o.addenda) parts.push(`<section class="addendum"><h3>${escapeHtml(a.heading)}</h3><p>${escapeHtml(a.text).replace(/\n/g, '<br>')}</p></section>`);
	}

	return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(o.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
