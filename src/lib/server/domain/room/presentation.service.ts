/**
 * The room's live controls that change only the room store (the slides and
 * the raised hands), authorized like every other room control against the
 * duties held right now. The socket handlers parse, call one of these, and
 * tell the room.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { conflict } from '../errors';
import { presentableMaterial } from '../material/material.service';
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
 * The presenter (or the chair) shows a PDF of the meeting's material to the
 * room, from `page`: the material must be one every participant may read
 * (material.service `presentableMaterial`).
 */
export async function presentMaterial(db: Db, store: RoomStore, actor: Actor, meetingId: string, materialId: string, page = 1): Promise<RevisedPresentation> {
	authorizeIn(actor, 'meeting.present', await meetingContext(db, actor, meetingId));
	const material = await presentableMaterial(db, actor, meetingId, materialId);
	return store.showMaterial(meetingId, actor.personId, material, page);
}

/** Turning the material's pages takes the presentation over, like moving the slides. */
export async function goToPage(db: Db, store: RoomStore, actor: Actor, meetingId: string, page: number): Promise<RevisedPresentation> {
	authorizeIn(actor, 'meeting.present', await meetingContext(db, actor, meetingId));
	const now = await store.goToPage(meetingId, actor.personId, page);
	if (!now) throw conflict({ code: 'room.no_material_shown' });
	return now;
}

/**
 * Anyone lowers their own hand; the chair lowers others' (gives the floor).
 * Returns whether a hand went down.
 */
export async function lowerHand(db: Db, store: RoomStore, actor: Actor, meetingId: string, personId: string = actor.personId): Promise<boolean> {
	if (personId !== actor.personId) authorizeIn(actor, 'meeting.run', await meetingContext(db, actor, meetingId));
	return store.lowerHand(meetingId, personId);
}
