import { describe, expect, it } from 'vitest';
import { formatMoney } from '$lib/number-format';
import { parseKronor, parseWhole, roundDiv, vatOf } from './money';

describe('money in öre', () => {
	it('reads kronor as Swedish and English billing exports write them, without floats', () => {
		expect(parseKronor('12 345,67')).toBe(1_234_567);
		expect(parseKronor('12\u00a0345,67 kr')).toBe(1_234_567);
		expect(parseKronor('12345.67')).toBe(1_234_567);
		expect(parseKronor('12.345,67')).toBe(1_234_567);
		expect(parseKronor('12,345.67')).toBe(1_234_567);
		expect(parseKronor('0,1')).toBe(10);
		expect(parseKronor('1 234')).toBe(123_400);
		expect(parseKronor('-500,50')).toBe(-50_050);
		// 0.29 * 100 is 28.999999999999996 as a float: read as text it stays 29 öre
		expect(parseKronor('0,29')).toBe(29);
		for (const bad of ['', 'kr', '12,345,6', '1,2345', 'abc', '12,345.678', '1e5']) expect(parseKronor(bad), bad).toBeNull();
		expect(parseWhole('1 200')).toBe(1200);
		expect(parseWhole('1,5')).toBeNull();
	});

	it('rounds VAT (25 %) to the nearest öre, halves away from zero, once on the sum', () => {
		expect(vatOf(10_000)).toBe(2_500);
		expect(vatOf(2)).toBe(1); // 0,5 öre rounds up
		expect(vatOf(1)).toBe(0); // 0,25 öre rounds down
		expect(vatOf(-2)).toBe(-1);
		expect(roundDiv(5, 10)).toBe(1);
		expect(roundDiv(-5, 10)).toBe(-1);
		// three lines of 0,02 kr: VAT per line would be 3 × 1 öre = 3 öre; on the sum (6 öre) it is 2 öre (1,5 → 2)
		expect(vatOf(2 + 2 + 2)).toBe(2);
	});

	it('formats as "12 345,67 kr" in Swedish and "SEK 12,345.67" in English', () => {
		expect(formatMoney(1_234_567, 'sv')).toBe('12\u00a0345,67\u00a0kr');
		expect(formatMoney(1_234_567, 'en')).toBe('SEK\u00a012,345.67');
		expect(formatMoney(-5, 'sv')).toBe('\u22120,05\u00a0kr');
		expect(formatMoney(null, 'sv')).toBe('–');
	});
});
