import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextValue, shiftIndex, textDiff } from './text-binding';

describe('text binding', () => {
	it('finds the one replaced range', () => {
		expect(textDiff('Byt brandvägg', 'Byt ut brandvägg')).toEqual({ index: 4, remove: 0, insert: 'ut ' });
		expect(textDiff('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
		expect(textDiff('abc', 'xyz')).toEqual({ index: 0, remove: 3, insert: 'xyz' });
		expect(textDiff('', 'ny')).toEqual({ index: 0, remove: 0, insert: 'ny' });
	});

	it('merges two people typing into one title', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.getText('t').insert(0, 'Uppgradera');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		applyTextValue(a.getText('t'), 'Uppgradera VPN');
		applyTextValue(b.getText('t'), 'Snart: Uppgradera');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(a.getText('t').toString()).toBe('Snart: Uppgradera VPN');
		expect(b.getText('t').toString()).toBe(a.getText('t').toString());
	});

	it('keeps the caret after remote inserts and deletes before it', () => {
		expect(shiftIndex([{ insert: 'abc' }], 2)).toBe(5);
		expect(shiftIndex([{ retain: 5 }, { insert: 'x' }], 2)).toBe(2);
		expect(shiftIndex([{ delete: 3 }], 5)).toBe(2);
		expect(shiftIndex([{ retain: 1 }, { delete: 10 }], 4)).toBe(1);
	});
});
