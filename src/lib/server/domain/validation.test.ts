import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './errors';
import { email, id, optionalText, parseInput, text } from './validation';

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
