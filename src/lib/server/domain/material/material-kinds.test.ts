import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { checkContent, checkFileName, MAX_FILE_NAME } from './material-kinds';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(120).fill(0)]);
const PE = new Uint8Array([0x4d, 0x5a, ...new Array(200).fill(0)]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(40).fill(0)]);
const DOCX = zipSync({
	'[Content_Types].xml': strToU8(
		'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
	),
	'word/document.xml': strToU8('<w:document/>')
});

/** The code of the field error a refusal carries. */
async function refusal(run: () => unknown): Promise<string> {
	try {
		await run();
	} catch (err) {
		expect(err).toBeInstanceOf(DomainError);
		return Object.values((err as DomainError).fieldCodes)[0].code;
	}
	throw new Error('not refused');
}

describe('checkFileName', () => {
	it('keeps a good name and finds its kind by the extension, in any case', () => {
		expect(checkFileName('Budget 2027 – förslag.XLSX')).toMatchObject({ fileName: 'Budget 2027 – förslag.XLSX', extension: 'xlsx' });
		expect(checkFileName('  bild.jpeg ').kind.contentType).toBe('image/jpeg');
	});

	it('refuses path separators and control characters (also bidi overrides that hide the real extension)', async () => {
		for (const name of ['../../etc/passwd.pdf', 'a/b.pdf', 'C:\\temp\\x.pdf']) expect(await refusal(() => checkFileName(name))).toBe('material.name_path');
		for (const name of ['a\u0000.pdf', 'line\nbreak.pdf', 'tab\t.pdf', 'del\u007f.pdf', 'evil\u202Efdp.exe.pdf']) expect(await refusal(() => checkFileName(name))).toBe('material.name_control');
	});

	it('refuses an empty name, a name without an extension and kinds not listed', async () => {
		expect(await refusal(() => checkFileName('   '))).toBe('field.required');
		expect(await refusal(() => checkFileName('README'))).toBe('material.kind');
		expect(await refusal(() => checkFileName('.pdf'))).toBe('material.kind');
		for (const name of ['setup.exe', 'notes.txt', 'page.html', 'image.svg']) expect(await refusal(() => checkFileName(name))).toBe('material.kind');
	});

	it('replaces what Windows cannot save and caps the length, keeping the extension', () => {
		expect(checkFileName('Q3: "slutlig"?.pdf').fileName).toBe('Q3_ _slutlig__.pdf');
		const long = checkFileName(`${'å'.repeat(400)}.docx`).fileName;
		expect(long.length).toBe(MAX_FILE_NAME);
		expect(long.endsWith('å.docx')).toBe(true);
	});
});

describe('checkContent', () => {
	it('accepts bytes of the kind the extension names', async () => {
		await expect(checkContent(PDF, checkFileName('a.pdf'))).resolves.toBeUndefined();
		await expect(checkContent(DOCX, checkFileName('a.docx'))).resolves.toBeUndefined();
		await expect(checkContent(PNG, checkFileName('a.png'))).resolves.toBeUndefined();
	});

	it('refuses an empty file, a program renamed to .pdf, and bytes of another kind', async () => {
		expect(await refusal(() => checkContent(new Uint8Array(0), checkFileName('a.pdf')))).toBe('material.empty');
		expect(await refusal(() => checkContent(ELF, checkFileName('report.pdf')))).toBe('material.executable');
		expect(await refusal(() => checkContent(PE, checkFileName('report.pdf')))).toBe('material.executable');
		expect(await refusal(() => checkContent(PNG, checkFileName('report.pdf')))).toBe('material.mismatch');
		expect(await refusal(() => checkContent(PDF, checkFileName('sheet.xlsx')))).toBe('material.mismatch');
		expect(await refusal(() => checkContent(new TextEncoder().encode('just text'), checkFileName('a.pdf')))).toBe('material.mismatch');
	});
});
