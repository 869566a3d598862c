import { describe, expect, it } from 'vitest';
import { deckFor, SLIDE_KEYS } from './slides';

describe("each forum's deck", () => {
	const forums = ['cab', 'operational', 'tactical', 'security', 'strategic'] as const;

	it('opens with the overview and keeps the order of the slides', () => {
		for (const forum of forums) {
			const deck = deckFor(forum);
			expect(deck[0], forum).toBe('overview');
			expect(deck, forum).toEqual(SLIDE_KEYS.filter((k) => deck.includes(k)));
		}
	});

	it('shows the invoicing only where the previous period is followed up (tactical, strategic)', () => {
		expect(forums.filter((f) => deckFor(f).includes('invoicing'))).toEqual(['tactical', 'strategic']);
		expect(deckFor('cab')).toEqual(['overview', 'changes']);
	});

	it('shows every slide for a forum made without a template', () => {
		expect(deckFor(null)).toEqual(SLIDE_KEYS);
	});
});
