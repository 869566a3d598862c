import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from './format';
import { colorFor, participants } from './presence';

describe('safeLinkUrl', () => {
	it('accepts web and mail addresses, adding https:// when no scheme is given', () => {
		expect(safeLinkUrl('https://example.se/a')).toBe('https://example.se/a');
		expect(safeLinkUrl(' example.se ')).toBe('https://example.se/');
		expect(safeLinkUrl('mailto:eva@norrby.example')).toBe('mailto:eva@norrby.example');
	});
	it('refuses scripts, data and empty input', () => {
		for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', '', '   ', 'http://']) expect(safeLinkUrl(bad), bad).toBeNull();
	});
});

describe('participants', () => {
	const state = (personId: string, name: string, side: string, focusing = false) => ({ name, color: colorFor(personId), focusing, awarenessData: { personId, side } });

	it('lists each person once, yourself first, then by name, and skips clients without presence', () => {
		const states = new Map<number, Record<string, unknown>>([
			[1, state('p-b', 'Öberg', 'customer')],
			[2, state('p-me', 'Berg', 'supplier')],
			[3, state('p-a', 'Andersson', 'supplier', true)],
			[4, state('p-a', 'Andersson', 'supplier')],
			[5, {}]
		]);
		const list = participants(states, 2);
		expect(list.map((p) => [p.name, p.self, p.side])).toEqual([
			['Berg', true, 'supplier'],
			['Andersson', false, 'supplier'],
			['Öberg', false, 'customer']
		]);
		expect(list[1].focusing).toBe(true);
	});

	it('gives a person the same colour everywhere', () => {
		expect(colorFor('p-a')).toBe(colorFor('p-a'));
		expect(colorFor('p-a')).toMatch(/^#[0-9a-f]{6}$/);
	});
});
