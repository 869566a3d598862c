/**
 * A real PDF of several pages for tests of showing material in the room:
 * made with pdfkit (what the product's own exports use), one big heading per
 * page so that a browser drawing it with pdf.js puts ink on the canvas and
 * its text layer reads back the page's words.
 */
import PDFDocument from 'pdfkit';

export function multiPagePdf(pages: readonly string[]): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const doc = new PDFDocument({ size: 'A4', layout: 'landscape', autoFirstPage: false, info: { Title: 'Underlag' } });
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
		for (const text of pages) {
			doc.addPage();
			doc.rect(0, 0, doc.page.width, 90).fill('#1d4ed8');
			doc.fillColor('#000').fontSize(48).text(text, 60, 160, { width: doc.page.width - 120 });
		}
		doc.end();
	});
}
