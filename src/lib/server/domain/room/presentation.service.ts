/**
 * The room's live controls that change only the room store (the slides and
 * the raised hands), authorized like every other room control against the
 * duties held right now. The socket handlers parse, call one of these, and
 * tell the room.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { meetingContext } from '../meeting-core/meeting-context';
import { authorizeIn } from './room-context';
import type { RevisedPresentation, RoomStore } from './room-store';

/** The presenter (or the chair) starts presenting, from the current slide or from `slide`. */
export async function startPresenting(db: Db, store: RoomStore, actor: Actor, meetingId: string, slide?: number): Promise<RevisedPresentation> {
	authorizeIn(actor, 'meeting.present', await meetingContext(db, actor, meetingId));
	return slide === undefined ? store.startPresenting(meetingId, actor.personId) : store.goTo(meetingId, actor.personId, slide);
}

export async function stopPresenting(db: Db, store: RoomStore, actor: Actor, meetingId: string): Promise<RevisedPresentation> {
	authorizeIn(actor, 'meeting.present', await meetingContext(db, actor, meetingId));
	return store.stopPresenting(meetingId);
}

/** Moving the slides takes the presentation over (the chair stepping in). */
export async function goToSlide(db: Db, store: RoomStore, actor: Actor, meetingId: string, slide: number): Promise<RevisedPresentation> {
	authorizeIn(actor, 'meeting.present', await meetingContext(db, actor, meetingId));
	return store.goTo(meetingId, actor.personId, slide);
}

/**
 * Anyone lowers their own hand; the chair lowers others' (gives the floor).
 * Returns whether a hand went down.
 */
export async function lowerHand(db: Db, store: RoomStore, actor: Actor, meetingId: string, personId: string = actor.personId): Promise<boolean> {
	if (personId !== actor.personId) authorizeIn(actor, 'meeting.run', await meetingContext(db, actor, meetingId));
	return store.lowerHand(meetingId, personId);
}
