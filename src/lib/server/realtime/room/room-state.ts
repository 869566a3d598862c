/** Builds what clients see: the room's shared state and each person's own rights. */
import type { Db } from '$lib/server/db';
import { isSupplier, type Actor } from '$lib/server/domain/actor';
import { can } from '$lib/server/domain/policy';
import { pollsOfMeeting } from '$lib/server/domain/room/cab.service';
import { roomContext, roomResource } from '$lib/server/domain/room/room-context';
import type { LiveSnapshot } from '$lib/server/domain/room/room-store';
import { currentItemOf, dutiesOf } from '$lib/server/domain/room/room.service';
import type { RoomState, You } from '$lib/realtime/room/events';
import { SLIDE_KEYS, type SlideKey } from '$lib/realtime/room/slides';

/**
 * The room as everyone sees it: the live part from the room store, the rest
 * from the database, all read after `revision` was taken.
 */
export async function roomState(db: Db, id: string, live: Promise<LiveSnapshot>, revision: number): Promise<RoomState> {
	const [room, meeting, duties, currentItem, notes, polls] = await Promise.all([
		live,
		db.selectFrom('meetings').select('status').where('id', '=', id).executeTakeFirstOrThrow(),
		dutiesOf(db, id),
		currentItemOf(db, id),
		db.selectFrom('room_slide_notes').select(['slide', 'text']).where('meeting_id', '=', id).execute(),
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
		currentItem,
		hands: room.hands,
		notes: Object.fromEntries(notes.filter((n) => (SLIDE_KEYS as readonly string[]).includes(n.slide)).map((n) => [n.slide as SlideKey, n.text])),
		polls,
		serverNow: new Date().toISOString(),
		revision
	};
}

export async function youIn(db: Db, actor: Actor, meetingId: string): Promise<You> {
	const ctx = await roomContext(db, actor, meetingId);
	const resource = roomResource(ctx);
	return {
		personId: actor.personId,
		name: actor.name,
		side: isSupplier(actor) ? 'supplier' : 'customer',
		duties: ctx.duties,
		canRun: can(actor, 'meeting.run', resource),
		canPresent: can(actor, 'meeting.present', resource),
		canAssign: can(actor, 'duty.assign', resource),
		canVote: can(actor, 'cab.vote', resource),
		canWriteNotes: ctx.duties.some((d) => d === 'presenter' || d === 'chair' || d === 'minute_taker')
	};
}
