import { describe, expect, it } from 'vitest';
import { hasNoControlCharacters, isSingleLine, toPlainText, toSingleLine } from './text-rules';

describe('text rules', () => {
	it('tells single-line text from text with line breaks or control characters', () => {
		expect(isSingleLine('Taktiskt forum: årets första, "citat"; \\ 😀')).toBe(true);
		for (const bad of ['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u2029b']) expect(isSingleLine(bad), JSON.stringify(bad)).toBe(false);
	});

	it('lets multi-line text keep tab and line breaks only', () => {
		expect(hasNoControlCharacters('Rad ett\r\nRad två\n\tindragen\u2028')).toBe(true);
		for (const bad of ['a\u0000', 'a\u0007', 'a\u000b', 'a\u000c', 'a\u001b', 'a\u007f', 'a\u009f']) expect(hasNoControlCharacters(bad), JSON.stringify(bad)).toBe(false);
	});

	it('makes any text one line, or plain text, for output', () => {
		expect(toSingleLine(' Möte\r\nEND:VEVENT\u0000\u2028X \t')).toBe('Möte END:VEVENT X');
		expect(toPlainText('Rad ett\r\nRad två\rRad tre\u2028Rad fyra\u0000\u0007\tslut')).toBe('Rad ett\nRad två\nRad tre\nRad fyra\tslut');
	});
});
