import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber, formatPercent } from './number-format';

const NBSP = '\u00a0';

describe('number format', () => {
	it('writes Swedish numbers with a decimal comma and a no-break space between thousands', () => {
		expect(formatNumber(8020.3, 'sv')).toBe(`8${NBSP}020,3`);
		expect(formatNumber(1234567, 'sv')).toBe(`1${NBSP}234${NBSP}567`);
		expect(formatNumber(0.25, 'sv', 2)).toBe('0,25');
	});

	it('writes English numbers with a decimal point and a comma between thousands', () => {
		expect(formatNumber(8020.3, 'en')).toBe('8,020.3');
	});

	it('writes shares as percentages in each language', () => {
		expect(formatPercent(0.951, 'sv')).toBe(`95,1${NBSP}%`);
		expect(formatPercent(0.951, 'en')).toBe('95.1%');
	});

	it('shows a dash for no value and leaves text cells alone', () => {
		expect(formatNumber(null, 'sv')).toBe('–');
		expect(formatPercent(undefined, 'en')).toBe('–');
		expect(formatCell(null, 'sv')).toBe('–');
		expect(formatCell('P1', 'sv')).toBe('P1');
		expect(formatCell(8020.3, 'sv')).toBe(`8${NBSP}020,3`);
		expect(formatCell(0.97, 'sv')).toBe('0,97');
	});
});
