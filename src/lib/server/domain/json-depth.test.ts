import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH, tooDeep } from './json-depth';

const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('jsonDepth', () => {
	it('counts arrays and objects inside each other', () => {
		expect(jsonDepth('1')).toBe(0);
		expect(jsonDepth('"x"')).toBe(0);
		expect(jsonDepth('{}')).toBe(1);
		expect(jsonDepth('{"a":[{"b":[]}],"c":{}}')).toBe(4);
		expect(jsonDepth(nested(10_000))).toBe(10_000);
	});

	it('does not count brackets inside strings, escaped quotes included', () => {
		expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
		expect(jsonDepth('["\\"[[[", "\\\\", ["x"]]')).toBe(2);
	});

	it('stops early past the limit, and tooDeep draws the line at MAX_JSON_DEPTH', () => {
		expect(jsonDepth(nested(10_000), 10)).toBe(11);
		expect(tooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
		expect(tooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
		expect(tooDeep(`{"body":${nested(10_000)}}`)).toBe(true);
	});
});
