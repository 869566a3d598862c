/**
 * Approved minutes as CommonMark (with GitHub tables). User text is escaped
 * so that it can neither format the document nor smuggle HTML into a
 * renderer that allows it.
 */
import type { FrozenFigure, MinutesBlock, MinutesModel, MinutesRun } from '../meeting-core/minutes-model';
import type { ExportLocale } from './labels';
import { decisionNumber, figureCells, minutesOutline, safeHref, type Outline } from './minutes-outline';

/**
 * Backslash-escapes what could format or inject: emphasis, code, links,
 * HTML, tables and entities anywhere, and block markers (headings, lists,
 * setext underlines) at the start of a line. CommonMark treats a backslash
 * before any ASCII punctuation as that character.
 */
export const escapeMarkdown = (s: string, atLineStart = true): string => {
	const inlineSafe = s.replace(/[\\`*_[\]<>|~&!]/g, '\\$&');
	return atLineStart ? inlineSafe.replace(/^(\s*)([#+=-])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2') : inlineSafe;
};

/** One line of user text: line breaks become spaces (table cells, headings, list items). */
const inline = (s: string) => escapeMarkdown(s.replace(/\s*\r?\n\s*/g, ' '));
/** A paragraph of user text: line breaks stay, as hard breaks. */
const multiline = (s: string) => s.split(/\r?\n/).map((line) => escapeMarkdown(line)).join('\\\n');

function runMd(r: MinutesRun): string {
	if (!r.text) return '';
	let out = r.code ? `<code>${r.text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</code>` : multiline(r.text);
	// Markdown emphasis may not start or end with a space; keep surrounding spaces outside.
	const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(out)!;
	out = core;
	if (out) {
		if (r.bold) out = `**${out}**`;
		if (r.italic) out = `*${out}*`;
		if (r.strikethrough) out = `~~${out}~~`;
		const href = safeHref(r.href);
		if (href) out = `[${out}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
	}
	return lead + out + trail;
}

const runsMd = (runs: MinutesRun[]) => runs.map(runMd).join('');

/** A table cell never starts a line, so only inline markup needs escaping. */
const cell = (s: string) => escapeMarkdown(s.replace(/\s*\r?\n\s*/g, ' '), false);

const table = (headers: string[], rows: string[][]) =>
	[`| ${headers.map(cell).join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

function figureMd(f: FrozenFigure, o: Outline): string {
	const caption = `**${inline(f.title)}** (${inline(`${o.labels.period}: ${f.periodLabel[o.locale]}`)})`;
	return `${caption}\n\n${table(f.columns, figureCells(f))}`;
}

function blockMd(block: MinutesBlock, model: MinutesModel, o: Outline): string {
	switch (block.type) {
		case 'heading':
			return `${'#'.repeat(Math.min(6, block.level + 2))} ${runsMd(block.runs).replace(/\\\n/g, ' ')}`;
		case 'paragraph':
			return runsMd(block.runs);
		case 'quote':
			return runsMd(block.runs)
				.split('\n')
				.map((line) => `> ${line}`)
				.join('\n');
		case 'list':
			return block.items
				.map((item, i) => {
					const indent = '   '.repeat(Math.max(0, item.depth));
					const marker = block.style === 'number' ? `${i + 1}.` : '-';
					const box = block.style === 'check' ? (item.checked ? '[x] ' : '[ ] ') : '';
					return `${indent}${marker} ${box}${runsMd(item.runs).replace(/\\\n/g, ' ')}`;
				})
				.join('\n');
		case 'decision': {
			const n = decisionNumber(model, block.id);
			return `> **${inline(n === null ? o.labels.decisions : o.labels.decision(n))}:** ${runsMd(block.runs)}`;
		}
		case 'data': {
			const f = model.figures.find((x) => x.id === block.figureId);
			return f ? figureMd(f, o) : '';
		}
	}
}

export function minutesToMarkdown(model: MinutesModel, locale: ExportLocale): string {
	const o = minutesOutline(model, locale);
	const l = o.labels;
	const out: string[] = [];
	out.push(`# ${inline(o.title)}`);
	out.push(o.facts.map((f) => `**${inline(f.label)}:** ${inline(f.value)}`).join('  \n'));

	out.push(`## ${inline(l.attendees)}`);
	for (const side of o.sides) {
		out.push(`### ${inline(side.title)}`);
		out.push(side.rows.length ? table([l.name, l.role, l.duties, l.attendance], side.rows.map((r) => [r.name, r.role, r.duties, r.attendance])) : inline(l.nobody));
	}

	out.push(`## ${inline(l.agenda)}`);
	out.push(o.agenda.map((a, i) => `${i + 1}. ${inline(a.title)} (${inline(a.detail)})`).join('\n'));

	if (o.material.rows.length) {
		out.push(`## ${inline(l.material)}`);
		out.push(table(o.material.columns, o.material.rows));
	}

	out.push(`## ${inline(l.minutesText)}`);
	for (const b of model.blocks) {
		const md = blockMd(b, model, o);
		if (md) out.push(md);
	}

	out.push(`## ${inline(l.decisions)}`);
	out.push(o.decisions.length ? o.decisions.map((d, i) => `${i + 1}. **${inline(d.label)}:** ${inline(d.text)}`).join('\n') : inline(l.noDecisions));

	out.push(`## ${inline(l.actions)}`);
	for (const g of o.actionGroups) {
		out.push(`### ${inline(g.title)}`);
		out.push(
			g.rows.length
				? table(o.actionColumns, g.rows)
				: inline(l.noActions)
		);
	}

	if (o.looseFigureIds.length) {
		out.push(`## ${inline(l.figures)}`);
		for (const id of o.looseFigureIds) out.push(figureMd(model.figures.find((f) => f.id === id)!, o));
	}

	out.push(`## ${inline(l.approvals)}`);
	out.push(o.approvals.length ? table([l.role, l.name, l.approvedAt], o.approvals.map((a) => [a.role, a.name, a.at])) : inline(l.notApproved));

	if (o.addenda.length) {
		out.push(`## ${inline(l.addenda)}`);
		for (const a of o.addenda) out.push(`### ${inline(a.heading)}\n\n${multiline(a.text)}`);
	}
	return out.join('\n\n') + '\n';
}
