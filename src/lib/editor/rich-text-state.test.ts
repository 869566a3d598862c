import { describe, expect, it } from 'vitest';
import { isSerializedState, parseStateJson, stateHasContent } from './rich-text-state';

const text = (t: string) => ({ type: 'text', text: t, format: 0, version: 1 });
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, children, version: 1, ...extra });
const state = (...children: unknown[]) => ({ root: el('root', children) });

describe('stateHasContent', () => {
	it('is false for an empty root, empty paragraphs, whitespace and line breaks', () => {
		expect(stateHasContent(state())).toBe(false);
		expect(stateHasContent(state(el('paragraph', [])))).toBe(false);
		expect(stateHasContent(state(el('paragraph', [text('   '), { type: 'linebreak', version: 1 }]), el('heading', [], { tag: 'h2' })))).toBe(false);
		expect(stateHasContent(state(el('list', [el('listitem', [text('\n\t')])])))).toBe(false);
	});

	it('is true for text anywhere, also inside lists and links', () => {
		expect(stateHasContent(state(el('paragraph', [text('Hej')])))).toBe(true);
		expect(stateHasContent(state(el('paragraph', []), el('list', [el('listitem', [el('link', [text('länk')], { url: 'https://x.se' })])])))).toBe(true);
	});

	it('counts a leaf block (a data block) as content', () => {
		expect(stateHasContent(state({ type: 'data-block', figureId: 'f1', version: 1 }))).toBe(true);
	});

	it('is false for anything that is not a state', () => {
		for (const v of [null, undefined, 'x', 1, [], {}, { root: 'x' }, { root: { children: 'no' } }]) expect(stateHasContent(v)).toBe(false);
		expect(isSerializedState({ root: { children: [] } })).toBe(true);
	});
});

describe('parseStateJson', () => {
	it('passes a serialized state through and refuses the rest', () => {
		const json = JSON.stringify(state(el('paragraph', [text('a')])));
		expect(parseStateJson(json)).toBe(json);
		for (const v of [null, undefined, '', '  ', 'not json', '{"root":1}', '[]']) expect(parseStateJson(v)).toBeNull();
	});
});
