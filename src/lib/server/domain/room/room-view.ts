/** What clients of the live room see: the room's shared state and each person's own rights. */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { can } from '../policy';
import { meetingContext, requireMeeting } from '../meeting-core/meeting-context';
import { effectiveDuties } from '../meeting-core/meeting-duties';
import { pollsOfMeeting } from './cab-reads';
import type { LiveSnapshot } from './room-store';
import { currentItemOf } from './room-reads';
import { listSlideNoteRows } from './slide-notes.repository';
import type { RoomState, You } from '$lib/realtime/room/events';
import { SLIDE_KEYS, type SlideKey } from '$lib/realtime/room/slides';

/**
 * The room as everyone sees it: the live part from the room store, the rest
 * from the database, all read after `revision` was taken.
 */
export async function roomState(db: Db, id: string, live: Promise<LiveSnapshot>, revision: number): Promise<RoomState> {
	const meeting = await requireMeeting(db, id);
	const [room, duties, notes, polls] = await Promise.all([
		live,
		effectiveDuties(db, meeting),
		listSlideNoteRows(db, id),
		pollsOfMeeting(db, id)
	]);
	return {
		meetingId: id,
		status: meeting.status,
		participants: room.participants,
		duties,
		presenting: room.presenting,
		presenterId: room.presenterId,
		slide: room.slide,
		material: room.material,
		page: room.page,
		currentItem: currentItemOf(meeting),
		hands: room.hands,
		notes: Object.fromEntries(notes.filter((n) => (SLIDE_KEYS as readonly string[]).includes(n.slide)).map((n) => [n.slide as SlideKey, n.text])),
		polls,
		serverNow: new Date().toISOString(),
		revision
	};
}

/** What this person may do in the room now (their duties may have changed since they joined). */
export async function youIn(db: Db, actor: Actor, meetingId: string): Promise<You> {
	const ctx = await meetingContext(db, actor, meetingId);
	return {
		personId: actor.personId,
		name: actor.name,
		side: ctx.side,
		duties: ctx.duties,
		canRun: can(actor, 'meeting.run', ctx.resource),
		canPresent: can(actor, 'meeting.present', ctx.resource),
		canAssign: can(actor, 'duty.assign', ctx.resource),
		canVote: can(actor, 'cab.vote', ctx.resource),
		canWriteNotes: can(actor, 'meeting.notes', ctx.resource)
	};
}
