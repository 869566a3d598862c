import { describe, expect, it } from 'vitest';
import { foldDiacritics, fts5Query, searchTerms, tsQuery } from './search-query';
import { highlight, hitHref, snippet, type Segment } from './search-index';

const marked = (segments: Segment[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('search terms (query parsing and Swedish stemming)', () => {
	it('finds the base form from an inflected word: "brandväggen" searches for "brandvägg"', () => {
		expect(searchTerms('brandväggen')).toEqual(['brandvägg']);
		expect(searchTerms('Beslut om brandväggarna')).toEqual(['beslut', 'brandvägg']);
	});

	it('drops question words and keeps them only when nothing else is left', () => {
		expect(searchTerms('vad beslutade vi om brandväggen')).toEqual(['beslut', 'brandvägg']);
		expect(searchTerms('och')).toEqual(['och']);
	});

	it('turns operators, quotes and column filters into plain terms for both engines', () => {
		const terms = searchTerms('title:"drop" OR NEAR(a b) * -- ;');
		expect(terms.every((t) => /^[\p{L}\p{N}]+$/u.test(t))).toBe(true);
		expect(fts5Query(['brandvägg', 'regel'], 'all')).toBe('"brandvägg"* AND "regel"*');
		expect(tsQuery(['brandvägg', 'regel'], 'any', foldDiacritics)).toBe('brandvagg:* | regel:*');
	});

	it('gives nothing to search for from punctuation only', () => {
		expect(searchTerms('  !?%  ')).toEqual([]);
	});
});

describe('highlighting and snippets', () => {
	it('marks every word that starts with a stem, diacritics folded as the index folds them', () => {
		expect(marked(highlight('Brandväggen byts; ny brandvägg och Brandvaggs-regler.', ['brandvägg']))).toBe('[Brandväggen] byts; ny [brandvägg] och [Brandvaggs]-regler.');
	});

	it('does not mark a word that only contains the stem inside it', () => {
		expect(marked(highlight('Nätbrandvägg', ['brandvägg']))).toBe('Nätbrandvägg');
	});

	it('cuts a long text around its first match, with … where it was cut', () => {
		const words = Array.from({ length: 100 }, (_, i) => `ord${i}`);
		words[60] = 'brandväggen';
		const s = marked(snippet(words.join(' '), ['brandvägg']));
		expect(s.startsWith('…ord52 ')).toBe(true);
		expect(s).toContain('[brandväggen]');
		expect(s.endsWith('ord81…')).toBe(true);
	});

	it('keeps a short text whole, and its beginning when no word matches', () => {
		expect(marked(snippet('Kort  text\nhär.', ['brand']))).toBe('Kort text här.');
		expect(snippet('', ['brand'])).toEqual([]);
	});
});

describe('links', () => {
	const place = { ref: 'R', meetingId: 'M', forumId: 'F', customerId: 'C' };
	it('opens each kind at its exact place', () => {
		expect(hitHref({ ...place, kind: 'agenda' })).toBe('/meetings/M#item-R');
		expect(hitHref({ ...place, kind: 'decision' })).toBe('/meetings/M#decision-R');
		expect(hitHref({ ...place, kind: 'action' })).toBe('/meetings/M#action-R');
		expect(hitHref({ ...place, meetingId: null, kind: 'action' })).toBe('/forums/F#action-R');
		expect(hitHref({ ...place, kind: 'material' })).toBe('/api/v1/meetings/M/material/R/download');
		expect(hitHref({ ...place, kind: 'article' })).toBe('/customers/C/portal/kb/R');
	});
});
