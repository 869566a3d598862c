/**
 * Where the live room's shared state lives: who is present, whether someone
 * presents and which slide, and the queue of raised hands. One process keeps
 * it in memory (`MemoryRoomStore`, over `LiveRoom`); several app instances
 * share it through Redis (`RedisRoomStore` in `server/redis/`), so a follower
 * on one instance sees the presenter on another, and a participant whose
 * instance died finds the room as it was on the next.
 *
 * Each instance only ever adds and removes its own sockets; the participant
 * list is everyone's sockets together. Every change is one atomic step in the
 * store, so two instances changing one room at once lose nothing.
 * (What is stored in the database — duties, the current item and its timer,
 * slide notes, CAB votes — is not here.)
 */
import type { Hand, Participant, ShownMaterial } from '$lib/realtime/room/events';
import { LiveRoom } from './live-room';

export interface Presentation {
	presenting: boolean;
	presenterId: string | null;
	slide: number;
	/** a PDF of the meeting's material shown instead of the slides, at `page` */
	material: ShownMaterial | null;
	page: number;
}

/** A presentation as of a revision of the room (see `RoomStore.revise`). */
export interface RevisedPresentation extends Presentation {
	revision: number;
}

export interface LiveSnapshot extends Presentation {
	participants: Participant[];
	hands: Hand[];
}

export interface RoomStore {
	/** A socket of this instance joins; true when its person was not in the room before (on any instance). */
	join(meetingId: string, socketId: string, who: Participant): Promise<boolean>;
	/** A socket of this instance leaves; true when its person has left the room completely. */
	leave(meetingId: string, socketId: string): Promise<boolean>;
	/** Whether a socket of this instance is in that meeting's room. */
	hasLocal(meetingId: string): boolean;
	snapshot(meetingId: string): Promise<LiveSnapshot>;
	/**
	 * A new revision of the room: larger than any taken before, on every
	 * instance, and still larger after a restart or after Redis lost its data
	 * (it starts from the clock in microseconds). A broadcast takes one after
	 * its change and before reading what it sends, so clients can drop a
	 * broadcast that arrives after a newer one (realtime/room/ordering.ts).
	 */
	revise(meetingId: string): Promise<number>;
	/** The presentation changes carry the revision taken in the same atomic step. */
	startPresenting(meetingId: string, personId: string): Promise<RevisedPresentation>;
	stopPresenting(meetingId: string): Promise<RevisedPresentation>;
	/** Presents (taking the presentation over if need be) and moves to a slide, in one step; a material shown gives way to the slides. */
	goTo(meetingId: string, personId: string, slide: number): Promise<RevisedPresentation>;
	/** Presents a PDF of the material from `page`, in one step. */
	showMaterial(meetingId: string, personId: string, material: ShownMaterial, page: number): Promise<RevisedPresentation>;
	/** Presents (taking over if need be) and turns to a page of the material shown; null when none is shown. */
	goToPage(meetingId: string, personId: string, page: number): Promise<RevisedPresentation | null>;
	/** The presenter duty handed over: the presentation follows, if one runs. */
	passPresentation(meetingId: string, personId: string): Promise<void>;
	/** False when that person's hand was up already. */
	raiseHand(meetingId: string, hand: Hand): Promise<boolean>;
	/** False when it was not up. */
	lowerHand(meetingId: string, personId: string): Promise<boolean>;
	/**
	 * Called with a meeting whose state changed without an event on this
	 * instance (another instance died and its participants dropped out, or
	 * the state was restored after Redis lost it): the room server broadcasts it.
	 */
	onOutsideChange(listener: (meetingId: string) => void): void;
	/** Meetings with a socket of this instance (for tests and metrics). */
	readonly localRooms: number;
	close(): Promise<void>;
}

/** One process: the whole room in memory, gone when its last socket leaves. */
export class MemoryRoomStore implements RoomStore {
	private readonly rooms = new Map<string, LiveRoom>();
	/** one counter for all rooms: growing for each room is all that is asked */
	private lastRevision = 0;

	private room(meetingId: string): LiveRoom {
		let room = this.rooms.get(meetingId);
		if (!room) this.rooms.set(meetingId, (room = new LiveRoom(meetingId)));
		return room;
	}

	async join(meetingId: string, socketId: string, who: Participant): Promise<boolean> {
		const room = this.room(meetingId);
		const newcomer = !room.isPresent(who.personId);
		room.join(socketId, who);
		return newcomer;
	}

	async leave(meetingId: string, socketId: string): Promise<boolean> {
		const room = this.rooms.get(meetingId);
		if (!room) return false;
		const gone = room.leave(socketId);
		// Nothing in memory matters once everyone has left, except for a reconnect moments later.
		if (room.empty) this.rooms.delete(meetingId);
		return gone;
	}

	hasLocal(meetingId: string): boolean {
		return this.rooms.has(meetingId);
	}

	async snapshot(meetingId: string): Promise<LiveSnapshot> {
		const room = this.rooms.get(meetingId) ?? new LiveRoom(meetingId);
		return { ...presentationOf(room), participants: room.participants(), hands: [...room.hands] };
	}

	async revise(): Promise<number> {
		this.lastRevision = nextRevision(this.lastRevision);
		return this.lastRevision;
	}

	async startPresenting(meetingId: string, personId: string): Promise<RevisedPresentation> {
		const room = this.room(meetingId);
		room.startPresenting(personId);
		return { ...presentationOf(room), revision: await this.revise() };
	}

	async stopPresenting(meetingId: string): Promise<RevisedPresentation> {
		const room = this.room(meetingId);
		room.stopPresenting();
		return { ...presentationOf(room), revision: await this.revise() };
	}

	async goTo(meetingId: string, personId: string, slide: number): Promise<RevisedPresentation> {
		const room = this.room(meetingId);
		room.startPresenting(personId);
		room.goTo(slide);
		return { ...presentationOf(room), revision: await this.revise() };
	}

	async showMaterial(meetingId: string, personId: string, material: ShownMaterial, page: number): Promise<RevisedPresentation> {
		const room = this.room(meetingId);
		room.startPresenting(personId);
		room.showMaterial(material, page);
		return { ...presentationOf(room), revision: await this.revise() };
	}

	async goToPage(meetingId: string, personId: string, page: number): Promise<RevisedPresentation | null> {
		const room = this.room(meetingId);
		if (!room.material) return null;
		room.startPresenting(personId);
		room.goToPage(page);
		return { ...presentationOf(room), revision: await this.revise() };
	}

	async passPresentation(meetingId: string, personId: string): Promise<void> {
		const room = this.rooms.get(meetingId);
		if (room?.presenting) room.startPresenting(personId);
	}

	async raiseHand(meetingId: string, hand: Hand): Promise<boolean> {
		const room = this.room(meetingId);
		const before = room.hands.length;
		room.raiseHand(hand, hand.at);
		return room.hands.length !== before;
	}

	async lowerHand(meetingId: string, personId: string): Promise<boolean> {
		return this.rooms.get(meetingId)?.lowerHand(personId) ?? false;
	}

	onOutsideChange(): void {
		// one process: nothing changes behind its back
	}

	get localRooms(): number {
		return this.rooms.size;
	}

	async close(): Promise<void> {
		this.rooms.clear();
	}
}

const presentationOf = (room: LiveRoom): Presentation => ({
	presenting: room.presenting,
	presenterId: room.presenterId,
	slide: room.slide,
	material: room.material,
	page: room.page
});

/** The clock in microseconds, or one more than the last revision if that is larger (several in one millisecond). */
export function nextRevision(last: number, now = Date.now()): number {
	return Math.max(last + 1, now * 1000);
}
