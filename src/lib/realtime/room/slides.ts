import type { ForumKey } from '$lib/server/domain/governance/catalogue.types';

/** Every slide the live room has, in the order a deck shows them. */
export const SLIDE_KEYS = ['overview', 'sla', 'trend', 'kpi', 'incidents', 'escalations', 'changes', 'invoicing'] as const;
export type SlideKey = (typeof SLIDE_KEYS)[number];

/**
 * Each forum's deck: what its tasks in the governance model call for
 * (docs/decisions.md, session 13). The room shares an index into the deck of
 * its meeting's forum; a forum made without a template shows every slide.
 */
const DECKS: Record<ForumKey, readonly SlideKey[]> = {
	// assess the changes to be carried out, their risks and consequences
	cab: ['overview', 'changes'],
	// incident follow-up, operations, statistics and SLA, escalations, running changes; KPIs
	operational: ['overview', 'sla', 'trend', 'kpi', 'incidents', 'escalations', 'changes'],
	// follows up the operational level too, trends and KPIs, and the previous period's invoicing
	tactical: SLIDE_KEYS,
	// whether the supplier keeps to the customer's security: incidents, escalations and changes
	security: ['overview', 'incidents', 'escalations', 'changes'],
	// economy, quality and satisfaction over time
	strategic: ['overview', 'sla', 'trend', 'kpi', 'invoicing']
};

export function deckFor(forum: ForumKey | null): readonly SlideKey[] {
	return forum ? DECKS[forum] : SLIDE_KEYS;
}

/** Where the room's slide index lands in a deck: an index past its end (the deck changed meanwhile) is its last slide. */
export function positionIn(deck: readonly SlideKey[], slide: number): number {
	return Math.max(0, Math.min(slide, deck.length - 1));
}
