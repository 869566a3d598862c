/**
 * The chair's and presenter's controls of the live room that change stored
 * state: the current agenda item and its timer, start and end, duties handed
 * over live, and the note written on each slide. Every function authorizes
 * against the duties held right now (see room-context.ts).
 */
import type { DocumentStore } from '../collab/document-store';
import { resolveDocument } from '../collab/collab.policy';
import { agendaItems } from '$lib/realtime/agenda-doc';
import { meetingAgendaDoc, parseDocName } from '$lib/realtime/doc-names';
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import { SLIDE_KEYS, type SlideKey } from '$lib/realtime/room/slides';
import { DutyPayload, ItemPayload, NotePayload, PassPresenterPayload } from '$lib/realtime/room/schemas';
import { isSupplier, type Actor } from '../actor';
import { conflict, forbidden, invalid } from '../errors';
import { nowIso } from '../ids';
import { assignMeetingDuty, effectiveDuties, type EffectiveDuty } from '../meetings/meeting-duties';
import { parseInput } from '../validation';
import { roomAgenda } from './agenda';
import { authorizeIn, roomContext } from './room-context';

export interface CurrentItem {
	id: string;
	startedAt: string;
}

export async function currentItemOf(db: Db, meetingId: string): Promise<CurrentItem | null> {
	const row = await db.selectFrom('meetings').select(['current_item_id', 'current_item_started_at']).where('id', '=', meetingId).executeTakeFirst();
	return row?.current_item_id && row.current_item_started_at ? { id: row.current_item_id, startedAt: row.current_item_started_at } : null;
}

/**
 * The chair moves the meeting to an agenda item (or to none); its timer starts
 * now. The item the meeting moves on from counts as dealt with (`done` in the
 * agenda document): items never dealt with carry over to the next meeting.
 */
export async function setCurrentItem(db: Db, actor: Actor, meetingId: string, input: unknown, docs?: DocumentStore): Promise<CurrentItem | null> {
	const ctx = await roomContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.run', ctx);
	const { itemId } = parseInput(ItemPayload, input);
	if (itemId !== null && !(await roomAgenda(db, ctx.meeting)).some((i) => i.id === itemId)) {
		throw invalid('No such agenda item', { itemId: 'meeting.unknown_item' });
	}
	const startedAt = itemId === null ? null : nowIso();
	const previous = await currentItemOf(db, meetingId);
	await db.updateTable('meetings').set({ current_item_id: itemId, current_item_started_at: startedAt }).where('id', '=', meetingId).execute();
	if (docs && previous && previous.id !== itemId) {
		const agenda = await resolveDocument(db, parseDocName(meetingAgendaDoc(meetingId))!);
		if (!agenda.locked) {
			await docs.change(agenda, (doc) => {
				for (const item of agendaItems(doc).toArray()) if (item.get('id') === previous.id) item.set('done', true);
			});
		}
	}
	return itemId === null ? null : { id: itemId, startedAt: startedAt! };
}

/** The chair restarts the current item's timer. */
export async function restartItemTimer(db: Db, actor: Actor, meetingId: string): Promise<CurrentItem> {
	const ctx = await roomContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.run', ctx);
	const current = await currentItemOf(db, meetingId);
	if (!current) throw conflict('No agenda item is current');
	const startedAt = nowIso();
	await db.updateTable('meetings').set({ current_item_started_at: startedAt }).where('id', '=', meetingId).execute();
	return { id: current.id, startedAt };
}

/**
 * A duty handed over live. assignMeetingDuty decides who may at all (admins
 * via duty.assign, the holder via duty.pass); on top of that, someone of the
 * customer who does not hold the duty may give it only to the customer side
 * ("a customer admin ... gives it to a person of the customer side").
 */
export async function handOverDuty(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<EffectiveDuty[]> {
	const ctx = await roomContext(db, actor, meetingId);
	const data = parseInput(DutyPayload, input);
	if (!isSupplier(actor) && data.party !== 'customer' && !ctx.duties.includes(data.duty)) {
		throw forbidden('The customer side hands duties to its own people');
	}
	return assignMeetingDuty(db, actor, meetingId, data);
}

/**
 * The presenter passes the presenter duty on, for this meeting (admins may
 * too: assignMeetingDuty decides, as for any duty).
 */
export async function passPresenter(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<EffectiveDuty[]> {
	const ctx = await roomContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.present', ctx);
	const { personId } = parseInput(PassPresenterPayload, input);
	const person = await db.selectFrom('people').select(['customer_id']).where('id', '=', personId).executeTakeFirst();
	if (!person || (person.customer_id !== null && person.customer_id !== ctx.meeting.customer_id)) {
		throw invalid('Not a person of this meeting', { personId: 'person.unknown' });
	}
	const party = person.customer_id ? 'customer' : 'supplier';
	return assignMeetingDuty(db, actor, meetingId, { duty: 'presenter', party, personId, scope: 'meeting' });
}

export const dutiesOf = async (db: Db, meetingId: string) => {
	const meeting = await db.selectFrom('meetings').select(['id', 'forum_id', 'customer_id']).where('id', '=', meetingId).executeTakeFirstOrThrow();
	return effectiveDuties(db, meeting);
};

/** Who may write the slide notes: the presenter, the chair and the minute-taker. */
export async function setSlideNote(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<{ slide: SlideKey; text: string }> {
	const ctx = await roomContext(db, actor, meetingId);
	if (!ctx.duties.some((d) => d === 'presenter' || d === 'chair' || d === 'minute_taker')) authorizeIn(actor, 'meeting.present', ctx);
	const { slide, text } = parseInput(NotePayload, input);
	const now = nowIso();
	await db
		.insertInto('room_slide_notes')
		.values({ meeting_id: meetingId, slide, text, updated_by: actor.personId, updated_at: now })
		.onConflict((oc) => oc.columns(['meeting_id', 'slide']).doUpdateSet({ text, updated_by: actor.personId, updated_at: now }))
		.execute();
	return { slide, text };
}

const SlideOrder = z.enum(SLIDE_KEYS);

/** The notes of every slide, in deck order: for the room and for the minutes. */
export async function slideNotesForMeeting(db: Executor, meetingId: string): Promise<{ slide: SlideKey; text: string }[]> {
	const rows = await db.selectFrom('room_slide_notes').select(['slide', 'text']).where('meeting_id', '=', meetingId).execute();
	return SLIDE_KEYS.flatMap((k) => {
		const row = rows.find((r) => SlideOrder.safeParse(r.slide).success && r.slide === k);
		return row && row.text.trim() ? [{ slide: k, text: row.text }] : [];
	});
}
