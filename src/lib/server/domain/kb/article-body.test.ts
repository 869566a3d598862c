import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
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

	it('refuses a body nested 10,000 deep with a field error, as text or as parsed JSON, without running out of stack', () => {
		// 150,000 characters: under the length limit
		const text = `{"root":{"type":"root","version":1,"children":[${'{"children":['.repeat(10_000)}${']}'.repeat(10_000)}]}}`;
		for (const input of [text, JSON.parse(text)]) {
			let thrown: unknown;
			try {
				normalizeState(input);
			} catch (err) {
				thrown = err;
			}
			expect(thrown).toBeInstanceOf(DomainError);
			expect((thrown as DomainError).fields.body).toMatch(/Nested more than 64 levels/);
		}
	});

	it('still takes lists nested as deep as people write them', () => {
		let list: unknown = { type: 'text', version: 1, text: 'punkt', format: 0, detail: 0, mode: 'normal', style: '' };
		for (let i = 0; i < 10; i++) {
			const item = { type: 'listitem', version: 1, value: 1, children: [list], direction: 'ltr', format: '', indent: 0 };
			list = { type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [item], direction: 'ltr', format: '', indent: 0 };
		}
		const state = { root: { type: 'root', version: 1, children: [list], direction: 'ltr', format: '', indent: 0 } };
		expect(() => normalizeState(state)).not.toThrow();
	});
});
