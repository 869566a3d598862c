/**
 * Turns an uploaded file, as a stream of bytes, into a header and rows of
 * strings, a batch at a time, without ever holding the whole file. Accepts gzip
 * (detected by its magic bytes), a UTF-8 byte-order mark, UTF-8 or
 * Windows-1252, comma, semicolon or tab separators (Swedish spreadsheet
 * programs write semicolons). Repeated column names are kept: Jira exports
 * repeat "Labels", "Component/s", "Comment".
 *
 * Limits (CsvLimits) hold against hostile files: the unpacked size, the gzip
 * compression ratio, rows, columns and the length of one row. Going over one
 * stops reading at once with an UnreadableFile whose message is short.
 * Every row carries the physical line (1 = header) where it starts, and a
 * broken quoted field is reported at the line where it starts.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { yielder } from '../cooperative';

export interface CsvLimits {
	/** largest unpacked size of a file, in bytes */
	maxBytes: number;
	/** largest unpacked ÷ packed ratio of a gzip file (checked once RATIO_FLOOR bytes are unpacked) */
	maxRatio: number;
	/** most data rows (the header not counted) */
	maxRows: number;
	/** most columns of a row */
	maxColumns: number;
}

/** One row of the file: its cells and the physical line where it starts (1 = header). */
export interface CsvRecord {
	cells: string[];
	line: number;
}

export class UnreadableFile extends Error {}

/** A row (or a line before its separator is known) longer than this is refused: real rows are under 1 KB. */
export const MAX_ROW_CHARS = 1024 * 1024;
/** The ratio check starts here: small files of repetitive text compress very well and are harmless. */
export const RATIO_FLOOR = 8 * 1024 * 1024;
/** Input is handed to the parser in slices of at most this many bytes, so no step takes long. */
const SLICE = 64 * 1024;

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
const count = (n: number) => n.toLocaleString('en');

// ---------------------------------------------------------------- bytes ----

async function* sliced(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	for await (const chunk of source) {
		for (let i = 0; i < chunk.byteLength; i += SLICE) yield chunk.subarray(i, Math.min(i + SLICE, chunk.byteLength));
	}
}

/**
 * The unpacked bytes of the source: gunzipped as a stream when it starts with
 * the gzip magic bytes, counted against maxBytes and maxRatio as they come.
 */
async function* unpacked(source: AsyncIterable<Uint8Array>, limits: CsvLimits): AsyncGenerator<Uint8Array> {
	const it = sliced(source)[Symbol.asyncIterator]();
	// the first two bytes decide; a source may hand them over one by one
	let head: Uint8Array = new Uint8Array(0);
	while (head.byteLength < 2) {
		const next = await it.next();
		if (next.done) break;
		head = head.byteLength === 0 ? next.value : new Uint8Array(Buffer.concat([head, next.value]));
	}
	const rest: AsyncIterable<Uint8Array> = {
		[Symbol.asyncIterator]: () => ({ next: () => it.next(), return: async () => (await it.return?.(undefined)) ?? { done: true, value: undefined } })
	};
	async function* all(): AsyncGenerator<Uint8Array> {
		if (head.byteLength) yield head;
		yield* rest;
	}
	let out = 0;
	const over = () => new UnreadableFile(`The file is larger than ${mib(limits.maxBytes)} unpacked (the limit of an import)`);
	if (!(head[0] === 0x1f && head[1] === 0x8b)) {
		for await (const chunk of all()) {
			out += chunk.byteLength;
			if (out > limits.maxBytes) throw over();
			yield chunk;
		}
		return;
	}
	let packed = 0;
	async function* counted(): AsyncGenerator<Uint8Array> {
		for await (const chunk of all()) {
			packed += chunk.byteLength;
			yield chunk;
		}
	}
	const gunzip = createGunzip({ chunkSize: SLICE });
	const feeding = pipeline(Readable.from(counted(), { objectMode: false }), gunzip).catch(() => undefined);
	try {
		for await (const chunk of gunzip as AsyncIterable<Buffer>) {
			out += chunk.byteLength;
			if (out > limits.maxBytes) throw over();
			if (out > RATIO_FLOOR && out / packed > limits.maxRatio) {
				throw new UnreadableFile(`The file unpacks to more than ${limits.maxRatio} times its packed size: refused as a possible gzip bomb`);
			}
			yield chunk;
		}
	} catch (err) {
		if (err instanceof UnreadableFile) throw err;
		throw new UnreadableFile('The file looks like gzip but cannot be unpacked');
	} finally {
		// not awaited: the source may be waiting for bytes a slow client has not sent yet
		gunzip.destroy();
		void feeding;
	}
}

/**
 * UTF-8 unless the first non-ASCII bytes of the file are not: then
 * Windows-1252 (what Excel on Windows saves CSV as). A file that is UTF-8 at
 * first and broken later is refused rather than read half garbled.
 */
class Decoder {
	private mode: 'ascii' | 'utf-8' | 'windows-1252' = 'ascii';
	private decoder = new TextDecoder('utf-8', { fatal: true });
	/** bytes held back until a multi-byte sequence is complete enough to judge */
	private held: Uint8Array | null = null;

	decode(input: Uint8Array, last: boolean): string {
		let bytes = input;
		if (this.held) {
			bytes = Buffer.concat([this.held, input]);
			this.held = null;
		}
		const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		// binary files (spreadsheets, images, UTF-16) contain NUL bytes; CSV never does
		if (buf.indexOf(0) !== -1) throw new UnreadableFile('The file is not text (save it as CSV)');
		if (this.mode === 'ascii') {
			const text = buf.toString('latin1');
			const i = text.search(/[\u0080-\u00ff]/);
			if (i === -1) return text;
			if (buf.byteLength - i < 4 && !last) {
				this.held = Buffer.from(buf.subarray(i));
				return text.slice(0, i);
			}
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(i, i + 4096), { stream: true });
				this.mode = 'utf-8';
			} catch {
				this.mode = 'windows-1252';
				this.decoder = new TextDecoder('windows-1252');
			}
		}
		try {
			return this.decoder.decode(bytes, { stream: !last });
		} catch {
			throw new UnreadableFile('The file mixes UTF-8 with another encoding: save it as UTF-8 CSV');
		}
	}
}

// ------------------------------------------------------------------ CSV ----

function delimiterOf(firstLine: string): string {
	const n = (c: string) => firstLine.split(c).length - 1;
	return n(';') > n(',') ? ';' : n('\t') > n(',') ? '\t' : ',';
}

const countNewlines = (s: string) => {
	let n = 0;
	for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
	return n;
};

type Parsed = { cells: string[]; end: number; lines: number } | { incomplete: true; openQuoteLine: number | null };

/**
 * A streaming CSV parser (RFC 4180, with the leniency of spreadsheet
 * programs: a quote inside an unquoted field is an ordinary character).
 * Lines without a quote character are split directly, which is what keeps the
 * 46 MB UCI log fast; a line with one goes through the quote-aware path.
 * push() takes text as it comes and returns the rows completed by it.
 */
export class CsvParser {
	private buf = '';
	/** physical line at the start of buf */
	private line = 1;
	private delimiter: string | null = null;
	private records = 0;

	constructor(private readonly limits: Pick<CsvLimits, 'maxRows' | 'maxColumns'>) {}

	/** rows so far, the header included */
	get recordCount(): number {
		return this.records;
	}

	push(text: string, last = false): CsvRecord[] {
		const buf = this.buf.length ? this.buf + text : text;
		const out: CsvRecord[] = [];
		const n = buf.length;
		let pos = 0;
		let nextQuote = -2;
		while (pos < n) {
			let nl = buf.indexOf('\n', pos);
			if (nl === -1 && !last) break;
			if (nl === -1) nl = n;
			if (this.delimiter === null) this.delimiter = delimiterOf(buf.slice(pos, nl));
			if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
			if (nextQuote === -1 || nextQuote > nl) {
				// no quote on this line: split it as it is
				if (nl - pos > MAX_ROW_CHARS) throw this.tooLong(this.line);
				const raw = buf.charCodeAt(nl - 1) === 13 && nl > pos ? buf.slice(pos, nl - 1) : buf.slice(pos, nl);
				if (raw.length > 0) this.emit(out, raw.split(this.delimiter), this.line);
				this.line++;
				pos = nl + 1;
				continue;
			}
			const r = this.parseRecord(buf, pos, last);
			if ('incomplete' in r) {
				if (last) throw new UnreadableFile(`Line ${r.openQuoteLine ?? this.line}: a quoted field starts here and is never closed`);
				if (n - pos > MAX_ROW_CHARS) {
					throw r.openQuoteLine === null
						? this.tooLong(this.line)
						: new UnreadableFile(`Line ${r.openQuoteLine}: a quoted field starts here and is not closed within ${mib(MAX_ROW_CHARS)}`);
				}
				break;
			}
			if (r.end - pos > MAX_ROW_CHARS) throw this.tooLong(this.line);
			this.emit(out, r.cells, this.line);
			this.line += r.lines;
			pos = r.end;
		}
		if (!last && n - pos > MAX_ROW_CHARS) throw this.tooLong(this.line);
		this.buf = pos < n ? buf.slice(pos) : '';
		return out;
	}

	private tooLong(line: number) {
		return new UnreadableFile(`Line ${line} is longer than ${mib(MAX_ROW_CHARS)}: not a ticket export`);
	}

	private emit(out: CsvRecord[], cells: string[], line: number) {
		if (cells.length === 1 && cells[0] === '') return; // an empty line
		if (cells.length > this.limits.maxColumns) {
			throw new UnreadableFile(`Line ${line} has ${count(cells.length)} columns; an import takes at most ${count(this.limits.maxColumns)}`);
		}
		if (this.records > this.limits.maxRows) {
			throw new UnreadableFile(`The file has more than ${count(this.limits.maxRows)} rows (the limit of an import): split it`);
		}
		this.records++;
		out.push({ cells, line });
	}

	/** One record starting at pos, across lines; `lines` is the number of line breaks it consumed. */
	private parseRecord(buf: string, pos: number, last: boolean): Parsed {
		const d = this.delimiter!;
		const n = buf.length;
		const cells: string[] = [];
		let lines = 0;
		let i = pos;
		for (;;) {
			if (cells.length > this.limits.maxColumns) return { cells, end: i, lines };
			if (buf[i] === '"') {
				const openQuoteLine = this.line + lines;
				let value = '';
				let j = i + 1;
				for (;;) {
					const k = buf.indexOf('"', j);
					if (k === -1 || (k === n - 1 && !last)) return { incomplete: true, openQuoteLine };
					const part = buf.slice(j, k);
					lines += countNewlines(part);
					value += part;
					if (buf[k + 1] === '"') {
						value += '"';
						j = k + 2;
						continue;
					}
					i = k + 1;
					break;
				}
				cells.push(value);
				if (i >= n) return last ? { cells, end: n, lines } : { incomplete: true, openQuoteLine: null };
				const c = buf[i];
				if (c === d) {
					i++;
					continue;
				}
				if (c === '\n') return { cells, end: i + 1, lines: lines + 1 };
				if (c === '\r' && i + 1 >= n && !last) return { incomplete: true, openQuoteLine: null };
				if (c === '\r' && (i + 1 >= n || buf[i + 1] === '\n')) return { cells, end: Math.min(i + 2, n), lines: lines + 1 };
				throw new UnreadableFile(`Line ${openQuoteLine}: text follows the closing quote of column ${cells.length} (a quote inside a quoted field is written "")`);
			}
			const dAt = buf.indexOf(d, i);
			const nlAt = buf.indexOf('\n', i);
			if (nlAt === -1 && dAt === -1 && !last) return { incomplete: true, openQuoteLine: null };
			if (dAt !== -1 && (nlAt === -1 || dAt < nlAt)) {
				cells.push(buf.slice(i, dAt));
				i = dAt + 1;
				continue;
			}
			const end = nlAt === -1 ? n : nlAt;
			cells.push(buf.slice(i, buf.charCodeAt(end - 1) === 13 && end > i ? end - 1 : end));
			return { cells, end: nlAt === -1 ? n : nlAt + 1, lines: nlAt === -1 ? lines : lines + 1 };
		}
	}
}

/**
 * The rows of a file as they arrive, in batches; the first row of the first
 * batch is the header (cells trimmed). Throws UnreadableFile for a file that is
 * empty, not text, not CSV or over a limit, and stops reading the source then.
 */
export async function* readCsv(source: AsyncIterable<Uint8Array>, limits: CsvLimits): AsyncGenerator<CsvRecord[]> {
	const decoder = new Decoder();
	const parser = new CsvParser(limits);
	const pause = yielder();
	let first = true;
	let headerDone = false;
	let bytes = 0;
	const batch = (text: string, last: boolean): CsvRecord[] => {
		if (first && text.length) {
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			first = false;
		}
		const records = parser.push(text, last);
		if (!headerDone && records.length) {
			records[0] = { cells: records[0].cells.map((h) => h.trim()), line: records[0].line };
			headerDone = true;
		}
		return records;
	};
	for await (const chunk of unpacked(source, limits)) {
		bytes += chunk.byteLength;
		const records = batch(decoder.decode(chunk, false), false);
		if (records.length) yield records;
		await pause();
	}
	if (bytes === 0) throw new UnreadableFile('The file is empty');
	const records = batch(decoder.decode(new Uint8Array(0), true), true);
	if (records.length) yield records;
	if (parser.recordCount === 0) throw new UnreadableFile('The file has no header row');
}

/** A whole file in memory as a source (tests, demo data). */
export async function* bytesSource(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}
