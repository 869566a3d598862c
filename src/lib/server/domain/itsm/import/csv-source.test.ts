import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesSource, MAX_ROW_CHARS, RATIO_FLOOR, readCsv, UnreadableFile, type CsvLimits, type CsvRecord } from './csv-source';

const LIMITS: CsvLimits = { maxBytes: 64 * 1024 * 1024, maxRatio: 100, maxRows: 1000, maxColumns: 50 };

/** The source handed over `size` bytes at a time, as a network would. */
async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

async function read(source: AsyncIterable<Uint8Array> | string | Uint8Array, limits: Partial<CsvLimits> = {}): Promise<CsvRecord[]> {
	const src = typeof source === 'string' ? bytesSource(new TextEncoder().encode(source)) : source instanceof Uint8Array ? bytesSource(source) : source;
	const out: CsvRecord[] = [];
	for await (const batch of readCsv(src, { ...LIMITS, ...limits })) out.push(...batch);
	return out;
}

async function refusal(source: Parameters<typeof read>[0], limits: Partial<CsvLimits> = {}): Promise<string> {
	try {
		await read(source, limits);
	} catch (err) {
		if (err instanceof UnreadableFile) return err.message;
		throw err;
	}
	throw new Error('the file was accepted');
}

describe('readCsv', () => {
	const quoted = [
		'number,title,state',
		'INC1,"plain, with a comma",New',
		'INC2,"two',
		'lines",Closed',
		'',
		'INC3,"say ""hi""",New',
		'INC4,5" screen,New'
	].join('\r\n');

	it('reads quoted fields, escaped quotes, multi-line cells, CRLF, and gives each row the physical line where it starts', async () => {
		const rows = await read(quoted);
		expect(rows).toEqual([
			{ cells: ['number', 'title', 'state'], line: 1 },
			{ cells: ['INC1', 'plain, with a comma', 'New'], line: 2 },
			{ cells: ['INC2', 'two\r\nlines', 'Closed'], line: 3 },
			{ cells: ['INC3', 'say "hi"', 'New'], line: 6 },
			{ cells: ['INC4', '5" screen', 'New'], line: 7 }
		]);
	});

	it('reads the same rows whatever the pieces the bytes arrive in (1, 2, 3, 7 bytes), gzip or not', async () => {
		const whole = await read(quoted);
		const bytes = new TextEncoder().encode(quoted);
		for (const size of [1, 2, 3, 7]) {
			expect(await read(inPieces(bytes, size)), `pieces of ${size}`).toEqual(whole);
			expect(await read(inPieces(gzipSync(bytes), size)), `gzip in pieces of ${size}`).toEqual(whole);
		}
	});

	it('reports an unclosed quote at the line where the broken field starts, not where the file ends', async () => {
		const lines = ['number,title,state'];
		for (let i = 2; i <= 400; i++) lines.push(i === 11 ? `INC${i},"never closed,New` : `INC${i},title ${i},New`);
		expect(await refusal(lines.join('\n'))).toBe('Line 11: a quoted field starts here and is never closed');
		// the same in a file too long to buffer: the row-length limit names the same line
		const long = lines.slice(0, 11).join('\n') + '\n' + `INC,x,y\n`.repeat(MAX_ROW_CHARS / 8 + 10);
		expect(await refusal(long)).toMatch(/^Line 11: a quoted field starts here and is not closed within 1 MiB/);
	});

	it('reports text after a closing quote at its line', async () => {
		expect(await refusal('a,b\n1,2\n3,"x"y\n')).toMatch(/^Line 3: text follows the closing quote of column 2/);
	});

	it('strips a byte-order mark and trims the header; semicolons and tabs separate too', async () => {
		expect(await read('\uFEFF number ; state\nINC1;New\n')).toEqual([
			{ cells: ['number', 'state'], line: 1 },
			{ cells: ['INC1', 'New'], line: 2 }
		]);
		expect((await read('number\tstate\nINC1\tNew'))[1].cells).toEqual(['INC1', 'New']);
	});

	it('reads Windows-1252 when the first non-ASCII bytes are not UTF-8, and UTF-8 split across pieces', async () => {
		const latin = new Uint8Array([...new TextEncoder().encode('number,title\nINC1,Fel p'), 0xe5, ...new TextEncoder().encode(' skrivare\n')]);
		expect((await read(inPieces(latin, 24)))[1].cells).toEqual(['INC1', 'Fel på skrivare']);
		const utf8 = new TextEncoder().encode('number,title\nINC1,Fel på skrivare\n');
		for (const size of [1, 2, 22, 23]) expect((await read(inPieces(utf8, size)))[1].cells, `pieces of ${size}`).toEqual(['INC1', 'Fel på skrivare']);
	});

	it('refuses binary, empty and header-less files', async () => {
		expect(await refusal(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatch(/not text/);
		expect(await refusal('')).toBe('The file is empty');
		expect(await refusal('\n\n\r\n')).toBe('The file has no header row');
		expect(await refusal(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]))).toMatch(/cannot be unpacked/);
	});

	it('refuses a file over the column or row limit, at the first row over it, with a short message', async () => {
		const wide = Array.from({ length: 51 }, (_, i) => `c${i}`).join(',');
		expect(await refusal(`${wide}\n`)).toBe('Line 1 has 51 columns; an import takes at most 50');
		expect(await refusal(`a,b\n1,"2",${'x,'.repeat(60)}\n`)).toMatch(/^Line 2 has \d+ columns/);
		expect(await read(`h\n${'1\n'.repeat(1000)}`)).toHaveLength(1001);
		expect(await refusal(`h\n${'1\n'.repeat(1001)}`)).toBe('The file has more than 1,000 rows (the limit of an import): split it');
	});

	it('refuses a line longer than 1 MiB without waiting for its end', async () => {
		let sent = 0;
		async function* endless(): AsyncGenerator<Uint8Array> {
			const piece = new TextEncoder().encode('a'.repeat(64 * 1024));
			for (;;) {
				sent += piece.byteLength;
				yield piece;
			}
		}
		expect(await refusal(endless())).toBe('Line 1 is longer than 1 MiB: not a ticket export');
		expect(sent).toBeLessThan(MAX_ROW_CHARS + 256 * 1024);
	});

	it('stops unpacking a gzip bomb at the ratio limit, and any file at the size limit, having read little of it', async () => {
		const rows = 'number,state,priority,opened_at\n' + 'INC0000001,New,3 - Moderate,1/1/2026 10:00\n'.repeat(250_000); // 11 MB that packs ~1000:1
		const bomb = gzipSync(rows);
		let rowsSeen = 0;
		const message = await refusal(inPieces(bomb, 4096), { maxRows: 1_000_000 });
		expect(message).toBe('The file unpacks to more than 100 times its packed size: refused as a possible gzip bomb');
		// the same file is fine with a ratio limit above its own
		for await (const batch of readCsv(bytesSource(bomb), { ...LIMITS, maxRatio: 2000, maxRows: 1_000_000 })) rowsSeen += batch.length;
		expect(rowsSeen).toBe(250_001);
		expect(RATIO_FLOOR).toBeLessThan(rows.length);
		expect(await refusal(bomb, { maxRatio: 2000, maxRows: 1_000_000, maxBytes: 4 * 1024 * 1024 })).toBe(
			'The file is larger than 4 MiB unpacked (the limit of an import)'
		);
		expect(await refusal(rows, { maxRows: 1_000_000, maxBytes: 4 * 1024 * 1024 })).toMatch(/larger than 4 MiB/);
	}, 30_000);
});
