/**
 * The part of a meeting room that lives in memory only: who is connected,
 * whether someone presents and which slide, and the queue of raised hands.
 * Hands and the slide outlive a dropped connection, so a participant who
 * reconnects finds the room as they left it.
 */
import type { Hand, Participant, ShownMaterial } from '$lib/realtime/room/events';
import { MAX_PAGE } from '$lib/realtime/room/schemas';
import { SLIDE_KEYS } from '$lib/realtime/room/slides';

export class LiveRoom {
	/** socket id → who is behind it; one person may have several tabs open */
	private readonly sockets = new Map<string, Participant>();
	presenting = false;
	presenterId: string | null = null;
	slide = 0;
	/** a PDF of the material shown instead of the slides, and its page */
	material: ShownMaterial | null = null;
	page = 1;
	hands: Hand[] = [];

	constructor(readonly meetingId: string) {}

	join(socketId: string, who: Participant): void {
		this.sockets.set(socketId, who);
	}

	/** Returns whether that person has left completely (no other socket). */
	leave(socketId: string): boolean {
		const who = this.sockets.get(socketId);
		this.sockets.delete(socketId);
		return who !== undefined && !this.isPresent(who.personId);
	}

	/** Who is behind that socket, if it is in the room. */
	participantOf(socketId: string): Participant | undefined {
		return this.sockets.get(socketId);
	}

	isPresent(personId: string): boolean {
		for (const p of this.sockets.values()) if (p.personId === personId) return true;
		return false;
	}

	get empty(): boolean {
		return this.sockets.size === 0;
	}

	get connections(): number {
		return this.sockets.size;
	}

	/** Everyone present once, supplier side first, then by name. */
	participants(): Participant[] {
		return sortParticipants(this.sockets.values());
	}

	startPresenting(personId: string): void {
		this.presenting = true;
		this.presenterId = personId;
	}

	stopPresenting(): void {
		this.presenting = false;
		this.presenterId = null;
	}

	/** Back to the slides, at this one. */
	goTo(slide: number): void {
		this.slide = clampSlide(slide);
		this.material = null;
	}

	showMaterial(material: ShownMaterial, page: number): void {
		this.material = material;
		this.page = clampPage(page);
	}

	/** False when no material is shown (the page of nothing). */
	goToPage(page: number): boolean {
		if (!this.material) return false;
		this.page = clampPage(page);
		return true;
	}

	raiseHand(who: Participant, at: string): void {
		if (!this.hands.some((h) => h.personId === who.personId)) this.hands.push({ ...who, at });
	}

	lowerHand(personId: string): boolean {
		const before = this.hands.length;
		this.hands = this.hands.filter((h) => h.personId !== personId);
		return this.hands.length !== before;
	}
}

/** Everyone present once, supplier side first, then by name. */
export function sortParticipants(people: Iterable<Participant>): Participant[] {
	const byPerson = new Map<string, Participant>();
	for (const p of people) byPerson.set(p.personId, p);
	return [...byPerson.values()].sort((a, b) => (a.side === b.side ? a.name.localeCompare(b.name, 'sv') : a.side === 'supplier' ? -1 : 1));
}

/** A page number kept inside what a PDF can have (each browser keeps it inside its own copy). */
export function clampPage(page: number): number {
	return Math.max(1, Math.min(MAX_PAGE, Math.trunc(page)));
}

/** A slide index kept inside the deck. */
export function clampSlide(slide: number): number {
	return Math.max(0, Math.min(SLIDE_KEYS.length - 1, Math.trunc(slide)));
}
