import { describe, expect, it } from 'vitest';
import { bodyBlocks, bodyText, markupToState, normalizeState, stateToMarkup } from './article-body';

describe('article bodies', () => {
	const markup = '## Så gör du\n\nÖppna **Mina sidor**.\n\n1. Välj Glömt lösenord\n2. Följ [länken](https://id.example.se/reset)\n\n- tips ett\n- tips två';

	it('markup becomes a Lexical state that survives normalisation', () => {
		const state = normalizeState(markupToState(markup));
		const blocks = bodyBlocks(JSON.stringify(state));
		expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list']);
		expect(bodyText(state)).toContain('Välj Glömt lösenord');
		const link = blocks.flatMap((b) => (b.type === 'list' ? b.items.flatMap((i) => i.runs) : [])).find((r) => r.href);
		expect(link?.href).toBe('https://id.example.se/reset');
	});

	it('goes back to the same markup for editing', () => {
		expect(stateToMarkup(JSON.stringify(normalizeState(markupToState(markup))))).toBe(markup);
	});

	it('keeps javascript: links out', () => {
		const state = normalizeState(markupToState('[klicka](javascript:alert(1)) <script>alert(1)</script>'));
		const runs = bodyBlocks(JSON.stringify(state)).flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
		expect(runs.some((r) => r.href)).toBe(false);
		expect(runs.map((r) => r.text).join('')).toContain('<script>');
	});

	it('refuses what is not an editor state', () => {
		expect(() => normalizeState({ root: { type: 'nope' } })).toThrow();
		expect(() => normalizeState('not json')).toThrow();
		expect(() => normalizeState(null)).toThrow();
	});
});
