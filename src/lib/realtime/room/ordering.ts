/**
 * Putting a room's broadcasts back in order. With several app instances, two
 * changes made at once on two instances are broadcast by each through Redis,
 * and a client can receive the older snapshot last: without a rule, a hand
 * raised on the other instance would vanish again until the next change.
 *
 * Every broadcast carries a revision from the room store that grows with
 * every change (see RoomStore.revise). A `room:state` is read after its
 * revision was taken, so it holds every change up to it; a `room:slide`
 * carries the presentation exactly as of its own revision. A client keeps
 * the highest revision seen for the whole state and for the presentation
 * (which `room:slide` updates alone) and ignores what is older.
 */
import type { RoomState, SlideEvent } from './events';

export interface SeenRevisions {
	state: number;
	presentation: number;
}

/** Before the first broadcast of a connection (a reconnect starts afresh). */
export const noRevisionsSeen = (): SeenRevisions => ({ state: -Infinity, presentation: -Infinity });

const presentationOf = (s: RoomState | SlideEvent) => ({ presenting: s.presenting, presenterId: s.presenterId, slide: s.slide, material: s.material, page: s.page });

/** The room after a `room:state`; null when the broadcast was overtaken in every part. */
export function applyState(current: RoomState | null, incoming: RoomState, seen: SeenRevisions): RoomState | null {
	const whole = incoming.revision >= seen.state;
	const presentation = incoming.revision >= seen.presentation;
	if (whole) seen.state = incoming.revision;
	if (presentation) seen.presentation = incoming.revision;
	if (!current) return whole ? incoming : null;
	if (whole) return presentation ? incoming : { ...incoming, ...presentationOf(current) };
	return presentation ? { ...current, ...presentationOf(incoming) } : null;
}

/** The room after a `room:slide`; null when it was overtaken (or there is no room yet). */
export function applySlide(current: RoomState | null, incoming: SlideEvent, seen: SeenRevisions): RoomState | null {
	if (incoming.revision < seen.presentation) return null;
	seen.presentation = incoming.revision;
	return current ? { ...current, ...presentationOf(incoming) } : null;
}
