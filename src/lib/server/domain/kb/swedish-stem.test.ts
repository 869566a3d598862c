import { describe, expect, it } from 'vitest';
import { foldDiacritics, fts5Query, searchTerms, tsQuery } from '../search/search-query';
import { swedishStem } from '../search/swedish-stem';
import { compoundTails, indexTerms } from './search-index';

describe('swedishStem', () => {
	it.each([
		['brandväggen', 'brandvägg'],
		['brandväggar', 'brandvägg'],
		['lösenordet', 'lösenord'],
		['lösenorden', 'lösenord'],
		['incidenten', 'incident'],
		['behörigheter', 'behör'],
		['behörighet', 'behör'],
		['skrivare', 'skrivar'],
		['skrivaren', 'skrivar'],
		['användarens', 'användar']
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

describe('compound tails', () => {
	it('splits off every later part of five letters or more, so a compound is found by its last part', () => {
		expect(compoundTails('Lösenordsportalen')).toContain('portalen');
		expect(compoundTails('nätverksskrivaren')).toContain('skrivaren');
		expect(compoundTails('skriv ut')).toEqual([]);
	});

	it('indexes category and service by name', () => {
		const terms = indexTerms({ title: 'Återställa lösenord', body: 'Skriv ett nytt lösenord', category: 'Inloggning och konton', service: null });
		expect(terms.split(' ')).toContain('Inloggning');
		expect(terms).not.toMatch(/\bskrivar/);
	});
});

describe('search terms', () => {
	it('quotes every term and ends it with a prefix star (FTS5)', () => {
		expect(fts5Query(searchTerms('Brandväggen blockerar'), 'all')).toBe('"brandvägg"* AND "blocker"*');
		expect(fts5Query(searchTerms('Brandväggen blockerar'), 'any')).toBe('"brandvägg"* OR "blocker"*');
	});

	it('folds diacritics and ends every term with a prefix marker (PostgreSQL)', () => {
		expect(tsQuery(searchTerms('Brandväggen blockerar'), 'all', foldDiacritics)).toBe('brandvagg:* & blocker:*');
		expect(tsQuery(searchTerms('lösenordet'), 'any', foldDiacritics)).toBe('losenord:*');
	});

	it.each(['"', '*', 'NEAR(', '-', "'", "'; drop table kb_articles; --", 'title:foo', '(((', '""""', 'a OR', '^x'])(
		'leaves only letters and digits of %j',
		(input) => {
			for (const t of searchTerms(input)) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
		}
	);

	it('gives nothing to search for when nothing is left', () => {
		expect(searchTerms('"*-()')).toEqual([]);
		expect(searchTerms('')).toEqual([]);
	});

	it('caps very long input', () => {
		expect(searchTerms('ord '.repeat(10_000)).length).toBeLessThanOrEqual(12);
		expect(searchTerms('x'.repeat(100_000))).toEqual([]);
	});

	it('drops question words unless nothing else is left', () => {
		expect(searchTerms('hur återställer jag lösenordet')).toEqual([swedishStem('återställer'), 'lösenord']);
		expect(searchTerms('hur')).toEqual(['hur']);
	});
});
