/** Who is in a shared document, read from Yjs awareness; colours per person. */
import type { Party } from '$lib/domain-types';
import { colorFor, type PresenceData } from '$lib/realtime/presence';

export { colorFor };

export interface Participant {
	clientId: number;
	personId: string;
	name: string;
	color: string;
	side: Party;
	focusing: boolean;
	self: boolean;
}

/** One entry per person (several tabs of one person count once), yourself first, then by name. */
export function participants(states: Map<number, Record<string, unknown>>, selfClientId: number): Participant[] {
	const byPerson = new Map<string, Participant>();
	for (const [clientId, state] of states) {
		const data = state.awarenessData as Partial<PresenceData> | undefined;
		if (!data?.personId || typeof state.name !== 'string') continue;
		const entry: Participant = {
			clientId,
			personId: data.personId,
			name: state.name,
			color: typeof state.color === 'string' ? state.color : colorFor(data.personId),
			side: data.side === 'supplier' ? 'supplier' : 'customer',
			focusing: state.focusing === true,
			self: clientId === selfClientId
		};
		const seen = byPerson.get(entry.personId);
		if (!seen) byPerson.set(entry.personId, entry);
		else {
			seen.self ||= entry.self;
			seen.focusing ||= entry.focusing;
		}
	}
	return [...byPerson.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'sv'));
}
