/**
 * The chair's and presenter's controls of the live room that change stored
 * state: the current agenda item and its timer, start and end, duties handed
 * over live, and the note written on each slide. Every function authorizes
 * against the duties held right now (see room-context.ts).
 */
import type { DocumentStore } from '../collab/document-store';
import { meetingDocument } from '../collab/collab.policy';
import { agendaItems } from '$lib/realtime/agenda-doc';
import type { Db } from '$lib/server/db';
import type { SlideKey } from '$lib/realtime/room/slides';
import { DutyPayload, ItemPayload, NotePayload, PassPresenterPayload } from '$lib/realtime/room/schemas';
import type { Actor } from '../actor';
import { conflict, invalid } from '../errors';
import { nowIso } from '../ids';
import { assignMeetingDuty } from '../meeting-core/duty-handover.service';
import { meetingContext } from '../meeting-core/meeting-context';
import type { EffectiveDuty } from '../meeting-core/meeting-duties';
import { updateMeeting } from '../meeting-core/meetings.repository';
import { findPerson } from '../tenancy/tenancy.repository';
import { parseInput } from '../validation';
import { roomAgenda } from './agenda';
import { authorizeIn } from './room-context';
import type { RoomStore } from './room-store';
import { currentItemOf, type CurrentItem } from './room-reads';
import { upsertSlideNote } from './slide-notes.repository';

/**
 * The chair moves the meeting to an agenda item (or to none); its timer starts
 * now. The item the meeting moves on from counts as dealt with (`done` in the
 * agenda document): items never dealt with carry over to the next meeting.
 */
export async function setCurrentItem(db: Db, actor: Actor, meetingId: string, input: unknown, docs?: DocumentStore): Promise<CurrentItem | null> {
	const ctx = await meetingContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.run', ctx);
	const { itemId } = parseInput(ItemPayload, input);
	if (itemId !== null && !(await roomAgenda(db, ctx.meeting)).some((i) => i.id === itemId)) {
		throw invalid('No such agenda item', { itemId: 'meeting.unknown_item' });
	}
	const startedAt = itemId === null ? null : nowIso();
	const previous = currentItemOf(ctx.meeting);
	await updateMeeting(db, meetingId, { current_item_id: itemId, current_item_started_at: startedAt });
	if (docs && previous && previous.id !== itemId) {
		const agenda = meetingDocument(ctx.meeting, 'agenda');
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
	const ctx = await meetingContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.run', ctx);
	const current = currentItemOf(ctx.meeting);
	if (!current) throw conflict('No agenda item is current');
	const startedAt = nowIso();
	await updateMeeting(db, meetingId, { current_item_started_at: startedAt });
	return { id: current.id, startedAt };
}

/**
 * A duty handed over live: assignMeetingDuty decides who may hand which duty
 * to whom (policy.ts duty.handover; someone of the customer who does not hold
 * the duty gives it only to the customer side).
 */
export async function handOverDuty(db: Db, actor: Actor, meetingId: string, input: unknown, store?: RoomStore): Promise<EffectiveDuty[]> {
	const ctx = await meetingContext(db, actor, meetingId);
	const data = parseInput(DutyPayload, input);
	const duties = await assignMeetingDuty(db, actor, ctx, data);
	// the presenter duty handed over mid-presentation hands the slides over too
	if (store && data.duty === 'presenter' && data.personId) await store.passPresentation(meetingId, data.personId);
	return duties;
}

/**
 * The presenter passes the presenter duty on, for this meeting (admins may
 * too: assignMeetingDuty decides, as for any duty). With the room's store, a running presentation follows.
 */
export async function passPresenter(db: Db, actor: Actor, meetingId: string, input: unknown, store?: RoomStore): Promise<EffectiveDuty[]> {
	const ctx = await meetingContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.present', ctx);
	const { personId } = parseInput(PassPresenterPayload, input);
	const person = await findPerson(db, personId);
	if (!person || (person.customer_id !== null && person.customer_id !== ctx.meeting.customer_id)) {
		throw invalid('Not a person of this meeting', { personId: 'person.unknown' });
	}
	const party = person.customer_id ? 'customer' : 'supplier';
	const duties = await assignMeetingDuty(db, actor, ctx, { duty: 'presenter', party, personId, scope: 'meeting' });
	await store?.passPresentation(meetingId, personId);
	return duties;
}

/** Who may write the slide notes: the presenter, the chair and the minute-taker. */
export async function setSlideNote(db: Db, actor: Actor, meetingId: string, input: unknown): Promise<{ slide: SlideKey; text: string }> {
	const ctx = await meetingContext(db, actor, meetingId);
	authorizeIn(actor, 'meeting.notes', ctx);
	const { slide, text } = parseInput(NotePayload, input);
	const now = nowIso();
	await upsertSlideNote(db, { meeting_id: meetingId, slide, text, updated_by: actor.personId, updated_at: now });
	return { slide, text };
}
