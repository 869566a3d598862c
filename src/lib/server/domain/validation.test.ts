import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './errors';
import { NO_CONTROL_CHARACTERS, NO_LINE_BREAKS } from '$lib/text-rules';
import { email, id, issueCode, line, multilineText, optionalText, parseInput, text } from './validation';

const caught = (fn: () => unknown): DomainError => {
	try {
		fn();
	} catch (err) {
		if (err instanceof DomainError) return err;
		throw err;
	}
	throw new Error('expected a DomainError');
};

describe('parseInput', () => {
	const Schema = z.object({ name: text(5), mail: email(), note: optionalText(10), ref: id().optional() });

	it('returns the parsed, normalised value', () => {
		expect(parseInput(Schema, { name: '  Eva ', mail: ' Eva@Norrby.Example ', note: '' })).toEqual({
			name: 'Eva',
			mail: 'eva@norrby.example',
			note: null
		});
	});

	it('reports every bad field by name, first message per field', () => {
		const err = caught(() => parseInput(Schema, { name: '   ', mail: 'nope', note: 'x'.repeat(11), ref: 'abc' }));
		expect(err.code).toBe('invalid');
		expect(err.fields).toEqual({
			name: 'Required',
			mail: 'Not a valid e-mail address',
			note: 'At most 10 characters',
			ref: 'Not a valid id'
		});
		expect(err.message).toContain('name: Required');
	});

	it("puts errors of the whole input under '_'", () => {
		const err = caught(() => parseInput(Schema, null));
		expect(Object.keys(err.fields)).toEqual(['_']);
		expect(err.message).not.toContain('_:');
	});

	it('names nested fields with dots', () => {
		const err = caught(() => parseInput(z.object({ a: z.object({ b: text() }) }), { a: { b: '' } }));
		expect(err.fields).toEqual({ 'a.b': 'Required' });
	});

	it('bounds text length', () => {
		expect(() => parseInput(text(5), 'sexton')).toThrow(DomainError);
		expect(parseInput(text(6), 'sexton')).toBe('sexton');
	});
});

describe('single-line and multi-line text', () => {
	const Schema = z.object({ title: text(200), location: optionalText(200), unit: line(20).optional(), notes: multilineText(2000) });
	const valid = { title: 'Taktiskt forum 3 mars', location: 'Stadshuset, sal Älven', unit: '%', notes: 'Rad ett\r\nRad två\n\tindragen' };

	it('accepts ordinary text, and line breaks and tabs in multi-line text', () => {
		expect(parseInput(Schema, valid)).toEqual(valid);
		// leading and trailing line breaks are whitespace: trimmed, not refused
		expect(parseInput(Schema, { ...valid, title: ' Möte \r\n' }).title).toBe('Möte');
	});

	it.each([
		['CR LF', 'Möte\r\nEND:VEVENT'],
		['LF', 'Möte\nBEGIN:VEVENT'],
		['CR', 'Möte\rX'],
		['tab', 'Möte\tX'],
		['NUL', 'Möte\u0000X'],
		['BEL', 'Möte\u0007X'],
		['ESC', 'Möte\u001b[31mX'],
		['DEL', 'Möte\u007fX'],
		['C1 NEL', 'Möte\u0085X'],
		['line separator', 'Möte\u2028X'],
		['paragraph separator', 'Möte\u2029X']
	])('refuses %s in single-line fields with a field error, per field', (_, bad) => {
		const err = caught(() => parseInput(Schema, { ...valid, title: bad, location: bad, unit: bad }));
		expect(err.fields).toEqual({ title: NO_LINE_BREAKS, location: NO_LINE_BREAKS, unit: NO_LINE_BREAKS });
	});

	it.each([
		['NUL', 'Rad\u0000'],
		['BEL', 'Rad\u0007 ett'],
		['ESC', '\u001b[2JRad'],
		['vertical tab', 'Rad\u000bett'],
		['form feed', 'Rad\u000cett'],
		['DEL', 'Rad\u007fett'],
		['C1', 'Rad\u009bett']
	])('refuses %s in multi-line fields', (_, bad) => {
		const err = caught(() => parseInput(Schema, { ...valid, notes: bad }));
		expect(err.fields).toEqual({ notes: NO_CONTROL_CHARACTERS });
	});

	it('still says Required and At most first', () => {
		expect(caught(() => parseInput(Schema, { ...valid, title: '' })).fields).toEqual({ title: 'Required' });
		expect(caught(() => parseInput(Schema, { ...valid, unit: 'x'.repeat(21) })).fields).toEqual({ unit: 'At most 20 characters' });
	});
});


describe('field errors carry codes (issue 20.4): the schema names them, zod issues are mapped once', () => {
	const Schema = z.object({ name: text(5), mail: email(), note: optionalText(10), ref: id().optional(), notes: multilineText(20).optional() });

	it('gives each field its code and limit, with the English text unchanged', () => {
		const err = caught(() => parseInput(Schema, { name: '   ', mail: 'nope', note: 'x'.repeat(11), ref: 'abc', notes: 'a\u0007' }));
		expect(err.fieldCodes).toEqual({
			name: { code: 'field.required' },
			mail: { code: 'field.email' },
			note: { code: 'field.too_long', params: { max: 10 } },
			ref: { code: 'field.id' },
			notes: { code: 'field.control_characters' }
		});
		expect(err.fields.note).toBe('At most 10 characters');
		expect(err.messageCode).toEqual({ code: 'error.invalid' });
	});

	it('gives line breaks their code', () => {
		expect(caught(() => parseInput(Schema, { name: 'a\nb', mail: 'a@b.se' })).fieldCodes).toEqual({ name: { code: 'field.line_breaks' } });
	});

	it("maps zod's own issues by kind and keeps zod's English text", () => {
		const Raw = z.strictObject({ n: z.int().min(1).max(365), s: z.string().min(3), list: z.array(z.string()).min(1).max(2), kind: z.enum(['a', 'b']), must: z.string() });
		const err = caught(() => parseInput(Raw, { n: 400, s: 'ab', list: ['a', 'b', 'c'], kind: 'c', extra: 1 }));
		expect(err.fieldCodes).toEqual({
			n: { code: 'field.too_big', params: { max: 365 } },
			s: { code: 'field.too_short', params: { min: 3 } },
			list: { code: 'field.too_many', params: { max: 2 } },
			kind: { code: 'field.choose' },
			must: { code: 'field.required' },
			_: { code: 'field.unknown_key' }
		});
		expect(err.fields.must).toMatch(/expected string/);
		expect(caught(() => parseInput(Raw, { n: 'x' })).fieldCodes.n).toEqual({ code: 'field.number' });
		expect(caught(() => parseInput(Raw, { n: 0 })).fieldCodes.n).toEqual({ code: 'field.too_small', params: { min: 1 } });
		expect(caught(() => parseInput(Raw, { list: [] })).fieldCodes.list).toEqual({ code: 'field.required' });
	});

	it('takes a refinement\'s parameters along with its code', () => {
		const Password = z.object({ p: z.string().refine((v) => v.length >= 12, { message: 'field.too_short', params: { min: 12 } }) });
		const err = caught(() => parseInput(Password, { p: 'short' }));
		expect(err.fieldCodes).toEqual({ p: { code: 'field.too_short', params: { min: 12 } } });
		expect(err.fields).toEqual({ p: 'At least 12 characters' });
	});
});

describe('issueCode without the input reported (the room parses payloads itself)', () => {
	it('calls a wrong type invalid, not missing', () => {
		const result = z.object({ itemId: z.string() }).safeParse({ itemId: 42 });
		expect(result.success).toBe(false);
		expect(issueCode(result.error!.issues[0])).toEqual({ code: 'field.invalid' });
	});
});
