import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { parseReportPeriod, trailingPeriods } from './report-period';

describe('csv', () => {
	it.each([
		['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
		['+46 8 123', "'+46 8 123"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', `"'\rx"`]
	])('neutralises the formula %j', (input, expected) => {
		expect(csvCell(input)).toBe(expected);
	});

	it('quotes separators and quotes, writes numbers with a decimal comma', () => {
		expect(csvCell('a;b')).toBe('"a;b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell(0.925)).toBe('0,925');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(null)).toBe('');
	});

	it('starts with a BOM and uses ; and CRLF', () => {
		expect(toCsv(['Rubrik', 'Antal'], [['Lösenord', 2]])).toBe('\uFEFFRubrik;Antal\r\nLösenord;2\r\n');
	});
});

describe('report periods', () => {
	it('reads months and quarters in Stockholm time', () => {
		const m = parseReportPeriod('2026-10');
		expect([m.from, m.to]).toEqual(['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z']);
		const q = parseReportPeriod('2026-Q1');
		expect([q.from, q.to]).toEqual(['2025-12-31T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
	});

	it('defaults to the current month and refuses anything else', () => {
		expect(parseReportPeriod(null, new Date('2026-11-28T10:00:00Z')).key).toBe('2026-11');
		for (const bad of ['2026-13', '2026-Q5', 'x', '2026-1', "2026-01' or 1=1"]) expect(() => parseReportPeriod(bad)).toThrow();
	});

	it('trails back across the year', () => {
		expect(trailingPeriods(parseReportPeriod('2026-02'), 3).map((p) => p.key)).toEqual(['2025-12', '2026-01', '2026-02']);
		expect(trailingPeriods(parseReportPeriod('2026-Q1'), 2).map((p) => p.key)).toEqual(['2025-Q4', '2026-Q1']);
	});
});
