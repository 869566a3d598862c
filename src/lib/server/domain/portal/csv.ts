/**
 * CSV for Excel in Sweden: `;` between fields (Swedish Excel reads `,` as the
 * decimal sign), CRLF line ends, UTF-8 with a BOM so å, ä, ö survive a
 * double-click. Cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR) get a leading apostrophe, so an imported ticket title
 * like `=HYPERLINK(...)` stays text.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	// numbers are written as they are: a negative number is data, not a formula
	let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value).replace('.', ',') : '') : String(value);
	if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
	return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** An attachment response; the file name is ASCII so no header encoding is needed. */
export function csvResponse(fileName: string, body: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
			'cache-control': 'private, no-store'
		}
	});
}
