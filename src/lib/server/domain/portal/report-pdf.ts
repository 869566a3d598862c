/**
 * The frame every portal report PDF shares: A4 with the embedded fonts
 * (Liberation Sans, like the minutes), the report's title with the customer,
 * a subtitle, and rows of a table with fixed columns. Each report writes its
 * own body on `doc`, then calls `end()` for the bytes.
 */
import PDFDocument from 'pdfkit';
import { fontBytes } from '../exports/fonts';
import type { ExportLocale } from '../exports/labels';

export interface ReportPdf {
	doc: PDFKit.PDFDocument;
	/** a row of the table laid out by `columns`; bold for headings and totals */
	row(cells: string[], bold?: boolean): void;
	/** finishes the document: its bytes */
	end(): Promise<Uint8Array>;
}

export function reportPdf(opts: {
	locale: ExportLocale;
	title: string;
	customerName: string;
	/** the period as it ends the document's title in its metadata */
	periodKey: string;
	subtitle: string;
	createdAt: Date;
	/** the table's column widths (points) and which columns are right-aligned (figures) */
	columns: { widths: number[]; right: (column: number) => boolean };
}): ReportPdf {
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 56, bottom: 56, left: 56, right: 56 },
		lang: opts.locale === 'en' ? 'en-GB' : 'sv-SE',
		displayTitle: true,
		font: fontBytes('regular') as unknown as string,
		info: { Title: `${opts.title} ${opts.periodKey} – ${opts.customerName}`, Author: opts.customerName, Creator: 'Samverkan', CreationDate: opts.createdAt }
	});
	const done = new Promise<Uint8Array>((resolve) => {
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
	});
	doc.registerFont('Regular', fontBytes('regular'));
	doc.registerFont('Bold', fontBytes('bold'));
	doc.font('Bold').fontSize(18).fillColor('#0f172a').text(`${opts.title}: ${opts.customerName}`);
	doc.font('Regular').fontSize(11).fillColor('#475569').text(opts.subtitle);
	doc.moveDown();
	const { widths, right } = opts.columns;
	return {
		doc,
		row(cells, bold = false) {
			const y = doc.y;
			let x = doc.page.margins.left;
			doc.font(bold ? 'Bold' : 'Regular').fontSize(10).fillColor('#0f172a');
			cells.forEach((c, i) => {
				doc.text(c, x, y, { width: widths[i] - 6, align: right(i) ? 'right' : 'left' });
				x += widths[i];
			});
			doc.x = doc.page.margins.left;
			doc.y = y + 16;
		},
		end() {
			doc.end();
			return done;
		}
	};
}
