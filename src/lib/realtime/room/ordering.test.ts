import { describe, expect, it } from 'vitest';
import type { RoomState, SlideEvent } from './events';
import { applySlide, applyState, noRevisionsSeen } from './ordering';

const state = (revision: number, extra: Partial<RoomState> = {}): RoomState => ({
	meetingId: 'm',
	status: 'running',
	participants: [],
	duties: [],
	presenting: true,
	presenterId: 'p-bo',
	slide: 0,
	material: null,
	page: 1,
	currentItem: null,
	hands: [],
	notes: {},
	polls: [],
	serverNow: '2026-11-28T12:00:00.000Z',
	revision,
	...extra
});
const slide = (revision: number, n: number): SlideEvent => ({ slide: n, material: null, page: 1, presenting: true, presenterId: 'p-bo', revision });
const hand = (personId: string) => ({ personId, name: personId, side: 'customer' as const, at: '2026-11-28T12:00:00.000Z' });

describe('putting room broadcasts in order', () => {
	it('ignores a state that arrives after a newer one (two hands raised at once on two instances)', () => {
		const seen = noRevisionsSeen();
		let room = applyState(null, state(10, { hands: [hand('a')] }), seen)!;
		room = applyState(room, state(12, { hands: [hand('a'), hand('b'), hand('c')] }), seen)!;
		expect(applyState(room, state(11, { hands: [hand('a'), hand('b')] }), seen)).toBeNull();
		expect(room.hands).toHaveLength(3);
	});

	it('keeps a newer slide when an older state arrives, but takes the rest of that state', () => {
		const seen = noRevisionsSeen();
		let room = applyState(null, state(10), seen)!;
		room = applySlide(room, slide(13, 4), seen)!;
		room = applyState(room, state(12, { slide: 2, hands: [hand('a')] }), seen)!;
		expect(room.slide).toBe(4);
		expect(room.hands).toHaveLength(1);
		// and an older slide event changes nothing
		expect(applySlide(room, slide(11, 1), seen)).toBeNull();
		// a newer state carries the presentation as of its revision
		room = applyState(room, state(14, { slide: 5 }), seen)!;
		expect(room.slide).toBe(5);
	});

	it('takes a slide newer than the last state, and starts afresh after a reconnect', () => {
		let seen = noRevisionsSeen();
		let room = applyState(null, state(100), seen)!;
		room = applySlide(room, slide(101, 3), seen)!;
		expect(room).toMatchObject({ slide: 3, hands: [] });
		// a restarted single instance counts from its own clock: a new connection accepts it
		seen = noRevisionsSeen();
		expect(applyState(room, state(50, { slide: 1 }), seen)).toMatchObject({ slide: 1 });
	});

	it('treats the material shown and its page as part of the presentation', () => {
		const seen = noRevisionsSeen();
		const pdf = { id: 'mat', version: 2, fileName: 'underlag.pdf' };
		let room = applyState(null, state(10), seen)!;
		room = applySlide(room, { ...slide(13, 0), material: pdf, page: 4 }, seen)!;
		// a state read before the page was turned keeps the newer page and material
		room = applyState(room, state(12, { hands: [hand('a')] }), seen)!;
		expect(room).toMatchObject({ material: pdf, page: 4, hands: [hand('a')] });
		// back to the slides: the material goes with the newer presentation
		room = applySlide(room, slide(14, 2), seen)!;
		expect(room).toMatchObject({ material: null, slide: 2 });
	});

	it('has nothing to apply a slide to before the first state', () => {
		expect(applySlide(null, slide(1, 2), noRevisionsSeen())).toBeNull();
	});
});
