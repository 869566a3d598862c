/**
 * Approved minutes as an archive-quality PDF: PDF/A-2b, every font embedded
 * (Liberation Sans, see fonts.ts), document metadata (title, author, subject,
 * creation date, language), a running header with customer, forum and date,
 * and "page n of m" on every page.
 */
import type PDFKitDocument from 'pdfkit';
import type { FrozenFigure, MinutesBlock, MinutesModel, MinutesRun } from '../meeting-core/minutes-model';
import type { ExportLocale } from './labels';
import { decisionNumber, figureCells, minutesOutline, safeHref, type Outline } from './minutes-outline';

const MARGIN = { top: 72, bottom: 64, left: 62, right: 62 };
const INK = '#0f172a';
const MUTED = '#475569';
const RULE = '#cbd5e1';
const ACCENT = '#0369a1';

type Doc = PDFKit.PDFDocument;

/**
 * pdfkit (with fontkit and its tables) costs ~27 MiB of the server's memory
 * once loaded, and the inlined fonts are 766 KB of code: both are loaded with
 * the first PDF, not at start with the rest of the app (bench/README.md,
 * "Where the time and memory go").
 */
let pdfkit: Promise<{ PDFDocument: typeof PDFKitDocument; fontBytes: typeof import('./fonts').fontBytes }> | null = null;
const loadPdfKit = () => (pdfkit ??= Promise.all([import('pdfkit'), import('./fonts')]).then(([kit, fonts]) => ({ PDFDocument: kit.default, fontBytes: fonts.fontBytes })));

function face(run: MinutesRun): string {
	if (run.bold && run.italic) return 'BoldItalic';
	if (run.bold) return 'Bold';
	if (run.italic) return 'Italic';
	return 'Regular';
}

/** Writes runs as one paragraph, switching fonts per run. */
function writeRuns(doc: Doc, runs: MinutesRun[], opts: { indent?: number; size?: number; prefix?: string; color?: string } = {}) {
	const all: MinutesRun[] = [...(opts.prefix ? [{ text: opts.prefix }] : []), ...runs.filter((r) => r.text.length > 0)];
	if (all.length === 0) all.push({ text: ' ' });
	doc.fontSize(opts.size ?? 10.5);
	all.forEach((r, i) => {
		const href = safeHref(r.href);
		doc.font(face(r)).fillColor(r.code ? '#334155' : href ? ACCENT : (opts.color ?? INK));
		doc.text(r.text, {
			continued: i < all.length - 1,
			indent: i === 0 ? (opts.indent ?? 0) : undefined,
			underline: r.underline === true || href !== null,
			strike: r.strikethrough === true,
			link: href,
			lineGap: 2
		});
	});
	doc.fillColor(INK);
}

function heading(doc: Doc, text: string, level: 1 | 2 | 3) {
	const size = level === 1 ? 15 : level === 2 ? 12.5 : 11;
	// keep a heading with what follows it
	if (doc.y > doc.page.height - MARGIN.bottom - 60) doc.addPage();
	doc.moveDown(level === 1 ? 0.9 : 0.6);
	doc.font('Bold').fontSize(size).fillColor(INK).text(text, MARGIN.left, doc.y, { lineGap: 2 });
	if (level === 1) {
		const y = doc.y + 2;
		doc.moveTo(MARGIN.left, y).lineTo(doc.page.width - MARGIN.right, y).lineWidth(0.6).strokeColor(RULE).stroke();
		doc.y = y + 4;
	}
	doc.moveDown(0.25);
}

function muted(doc: Doc, text: string) {
	doc.font('Italic').fontSize(10).fillColor(MUTED).text(text, MARGIN.left, doc.y);
	doc.fillColor(INK);
}

/**
 * A ruled table that breaks between rows and repeats its header on each new
 * page. Our own (not pdfkit's `doc.table`): that one re-measured every cell
 * for each row and took seconds for a long activity list.
 */
function table(doc: Doc, headers: string[], rows: string[][], widths?: (number | '*')[]) {
	const total = doc.page.width - MARGIN.left - MARGIN.right;
	const spec = widths ?? headers.map(() => '*' as const);
	const fixed = spec.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
	const stars = spec.filter((w) => w === '*').length;
	const cols = spec.map((w) => (w === '*' ? (total - fixed) / Math.max(1, stars) : w));
	const PAD_X = 5;
	const PAD_Y = 3.5;
	const SIZE = 9.5;

	const rowHeight = (cells: string[], font: string) => {
		doc.font(font).fontSize(SIZE);
		return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i] - 2 * PAD_X, lineGap: 1 }))) + 2 * PAD_Y;
	};
	const drawRow = (cells: string[], font: string, shade: boolean) => {
		const h = rowHeight(cells, font);
		const y = doc.y;
		let x = MARGIN.left;
		if (shade) doc.rect(MARGIN.left, y, total, h).fill('#f1f5f9');
		doc.lineWidth(0.5).strokeColor(RULE);
		cells.forEach((c, i) => {
			doc.rect(x, y, cols[i], h).stroke();
			doc.font(font).fontSize(SIZE).fillColor(INK).text(c, x + PAD_X, y + PAD_Y, { width: cols[i] - 2 * PAD_X, lineGap: 1 });
			x += cols[i];
		});
		doc.x = MARGIN.left;
		doc.y = y + h;
	};
	const bottom = () => doc.page.height - MARGIN.bottom;
	if (doc.y + rowHeight(headers, 'Bold') + (rows[0] ? rowHeight(rows[0], 'Regular') : 0) > bottom()) doc.addPage();
	drawRow(headers, 'Bold', true);
	for (const row of rows) {
		if (doc.y + rowHeight(row, 'Regular') > bottom()) {
			doc.addPage();
			drawRow(headers, 'Bold', true);
		}
		drawRow(row, 'Regular', false);
	}
	doc.x = MARGIN.left;
	doc.moveDown(0.5);
}

function figure(doc: Doc, f: FrozenFigure, o: Outline) {
	doc.font('Bold').fontSize(10.5).text(f.title, MARGIN.left, doc.y, { continued: true });
	doc.font('Regular').fillColor(MUTED).text(`  (${o.labels.period}: ${f.periodLabel[o.locale]})`);
	doc.fillColor(INK).moveDown(0.2);
	table(doc, f.columns, figureCells(f));
}

function block(doc: Doc, b: MinutesBlock, model: MinutesModel, o: Outline) {
	switch (b.type) {
		case 'heading':
			heading(doc, b.runs.map((r) => r.text).join(''), b.level === 1 ? 2 : 3);
			return;
		case 'paragraph':
			writeRuns(doc, b.runs);
			doc.moveDown(0.35);
			return;
		case 'quote':
			doc.x = MARGIN.left + 14;
			writeRuns(doc, b.runs, { color: MUTED });
			doc.x = MARGIN.left;
			doc.moveDown(0.35);
			return;
		case 'list':
			b.items.forEach((item, i) => {
				const marker = b.style === 'number' ? `${i + 1}. ` : b.style === 'check' ? (item.checked ? '[x] ' : '[ ] ') : '• ';
				doc.x = MARGIN.left + 12 + 14 * Math.max(0, item.depth);
				writeRuns(doc, item.runs, { prefix: marker });
			});
			doc.x = MARGIN.left;
			doc.moveDown(0.35);
			return;
		case 'decision': {
			const n = decisionNumber(model, b.id);
			const top = doc.y;
			doc.x = MARGIN.left + 10;
			writeRuns(doc, [{ text: `${n === null ? o.labels.decisions : o.labels.decision(n)}: `, bold: true }, ...b.runs]);
			// a bar in the margin marks the decision; only when it did not move to a new page
			if (doc.y > top) doc.rect(MARGIN.left, top, 3, doc.y - top).fill(ACCENT).fillColor(INK);
			doc.x = MARGIN.left;
			doc.moveDown(0.35);
			return;
		}
		case 'data': {
			const f = model.figures.find((x) => x.id === b.figureId);
			if (f) figure(doc, f, o);
			return;
		}
	}
}

function collect(doc: Doc): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
	});
}

export async function minutesToPdf(model: MinutesModel, locale: ExportLocale, opts: { createdAt?: Date } = {}): Promise<Uint8Array> {
	const o = minutesOutline(model, locale);
	const l = o.labels;
	const { PDFDocument, fontBytes } = await loadPdfKit();
	const doc = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		bufferPages: true,
		pdfVersion: '1.7',
		subset: 'PDF/A-2b',
		lang: locale === 'en' ? 'en-GB' : 'sv-SE',
		displayTitle: true,
		// Our own font from the first line: no standard (non-embedded) font is ever referenced.
		font: fontBytes('regular') as unknown as string,
		info: {
			Title: o.title,
			Author: model.meeting.customerName,
			Subject: o.runningHeader,
			Keywords: [l.minutes, model.meeting.customerName, model.meeting.forumName[locale]].join(', '),
			Creator: 'Samverkan',
			CreationDate: opts.createdAt ?? new Date()
		}
	});
	const done = collect(doc);
	doc.registerFont('Regular', fontBytes('regular'));
	doc.registerFont('Bold', fontBytes('bold'));
	doc.registerFont('Italic', fontBytes('italic'));
	doc.registerFont('BoldItalic', fontBytes('boldItalic'));
	doc.font('Regular').fillColor(INK);

	doc.font('Bold').fontSize(18).text(o.title, { lineGap: 2 });
	doc.moveDown(0.4);
	for (const f of o.facts) {
		doc.font('Bold').fontSize(10.5).text(`${f.label}: `, { continued: true });
		doc.font('Regular').text(f.value);
	}

	heading(doc, l.attendees, 1);
	for (const side of o.sides) {
		heading(doc, side.title, 3);
		if (side.rows.length) table(doc, [l.name, l.role, l.duties, l.attendance], side.rows.map((r) => [r.name, r.role, r.duties, r.attendance]), ['*', '*', '*', 90]);
		else muted(doc, l.nobody);
	}

	heading(doc, l.agenda, 1);
	o.agenda.forEach((a, i) => {
		doc.x = MARGIN.left;
		writeRuns(doc, [{ text: a.title }, { text: `  (${a.detail})`, italic: true }], { prefix: `${i + 1}. ` });
	});

	if (o.material.rows.length) {
		heading(doc, l.material, 1);
		table(doc, o.material.columns, o.material.rows, ['*', 45, 215]);
	}

	heading(doc, l.minutesText, 1);
	for (const b of model.blocks) block(doc, b, model, o);

	heading(doc, l.decisions, 1);
	if (o.decisions.length === 0) muted(doc, l.noDecisions);
	for (const d of o.decisions) {
		doc.x = MARGIN.left;
		writeRuns(doc, [{ text: `${d.label}: `, bold: true }, { text: d.text }]);
		doc.moveDown(0.2);
	}

	heading(doc, l.actions, 1);
	for (const g of o.actionGroups) {
		heading(doc, g.title, 3);
		if (g.rows.length)
			table(doc, o.actionColumns, g.rows, ['*', 110, 70, 65]);
		else muted(doc, l.noActions);
	}

	if (o.looseFigureIds.length) {
		heading(doc, l.figures, 1);
		for (const id of o.looseFigureIds) figure(doc, model.figures.find((f) => f.id === id)!, o);
	}

	heading(doc, l.approvals, 1);
	if (o.approvals.length) table(doc, [l.role, l.name, l.approvedAt], o.approvals.map((a) => [a.role, a.name, a.at]));
	else muted(doc, l.notApproved);

	if (o.addenda.length) {
		heading(doc, l.addenda, 1);
		for (const a of o.addenda) {
			heading(doc, a.heading, 3);
			doc.x = MARGIN.left;
			writeRuns(doc, [{ text: a.text }]);
		}
	}

	// Running header and page numbers, drawn once the page count is known.
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const { width, height } = doc.page;
		// writing inside the margins must not trigger a new page
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc.font('Regular').fontSize(8.5).fillColor(MUTED);
		doc.text(o.runningHeader, MARGIN.left, 36, { width: width - MARGIN.left - MARGIN.right, lineBreak: false, ellipsis: true });
		doc.moveTo(MARGIN.left, 50).lineTo(width - MARGIN.right, 50).lineWidth(0.4).strokeColor(RULE).stroke();
		doc.text(l.page(i - range.start + 1, range.count), MARGIN.left, height - 40, { width: width - MARGIN.left - MARGIN.right, align: 'right', lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}
