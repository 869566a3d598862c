/**
 * Who a presence (awareness) entry says it is: the fields every surface shows
 * (name, side, colour). Shared by the browser, which publishes them, and the
 * collab server, which overwrites them with the signed-in person's before
 * relaying a state: what a client claims about itself is never shown.
 */
import type { Party } from '$lib/domain-types';

/** What every participant publishes in awareness besides Lexical's cursor fields. */
export interface PresenceData {
	personId: string;
	side: Party;
}

/** The identity fields of an awareness state, as @lexical/yjs lays them out (`name`, `color`, `awarenessData`). */
export interface PresenceIdentity {
	name: string;
	color: string;
	awarenessData: PresenceData;
}

// Dark enough for white text (names on remote cursors) and distinct from each other.
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#6d28d9', '#9a3412'];

/** A stable colour per person, the same in every browser. */
export function colorFor(personId: string): string {
	let h = 0;
	for (let i = 0; i < personId.length; i++) h = (h * 31 + personId.charCodeAt(i)) >>> 0;
	return PALETTE[h % PALETTE.length];
}

export function presenceIdentity(person: { personId: string; name: string; side: Party }): PresenceIdentity {
	return { name: person.name, color: colorFor(person.personId), awarenessData: { personId: person.personId, side: person.side } };
}

/** The person an awareness state names, if any. */
export function presencePersonId(state: unknown): string | null {
	if (typeof state !== 'object' || state === null) return null;
	const data = (state as { awarenessData?: unknown }).awarenessData;
	if (typeof data !== 'object' || data === null) return null;
	const personId = (data as { personId?: unknown }).personId;
	return typeof personId === 'string' ? personId : null;
}
