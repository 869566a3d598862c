import { describe, expect, it } from 'vitest';
import { buildFtsQuery } from './search-query';
import { swedishStem } from './swedish-stem';

describe('swedishStem', () => {
	it.each([
		['brandväggen', 'brandvägg'],
		['brandväggar', 'brandvägg'],
		['lösenordet', 'lösenord'],
		['lösenorden', 'lösenord'],
		['incidenten', 'incident'],
		['behörigheter', 'behör'],
		['behörighet', 'behör']
	])('%s → %s', (word, stem) => {
		expect(swedishStem(word)).toBe(stem);
	});

	it('keeps short words as they are', () => {
		expect(swedishStem('vpn')).toBe('vpn');
		expect(swedishStem('Ola')).toBe('ola');
	});

	it('an inflected form and its base share the stem as a prefix', () => {
		for (const [a, b] of [
			['lösenordet', 'lösenord'],
			['brandväggen', 'brandvägg'],
			['incidenter', 'incident'],
			['anmäler', 'anmälan']
		])
			expect(b.startsWith(swedishStem(a)) || a.startsWith(swedishStem(b))).toBe(true);
	});
});

describe('buildFtsQuery', () => {
	it('quotes every term and ends it with a prefix star', () => {
		expect(buildFtsQuery('Brandväggen blockerar').all).toBe('"brandvägg"* AND "blocker"*');
	});

	it.each(['"', '*', 'NEAR(', '-', "'", "'; drop table kb_articles; --", 'title:foo', '(((', '""""', 'a OR', '^x'])(
		'leaves only letters and digits of %j',
		(input) => {
			const q = buildFtsQuery(input);
			for (const t of q.terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
		}
	);

	it('gives nothing to search for when nothing is left', () => {
		expect(buildFtsQuery('"*-()').all).toBeNull();
		expect(buildFtsQuery('').any).toBeNull();
	});

	it('caps very long input', () => {
		expect(buildFtsQuery('ord '.repeat(10_000)).terms.length).toBeLessThanOrEqual(12);
		expect(buildFtsQuery('x'.repeat(100_000)).terms).toEqual([]);
	});

	it('drops question words unless nothing else is left', () => {
		expect(buildFtsQuery('hur återställer jag lösenordet').terms).toEqual([swedishStem('återställer'), 'lösenord']);
		expect(buildFtsQuery('hur').terms).toEqual(['hur']);
	});
});
