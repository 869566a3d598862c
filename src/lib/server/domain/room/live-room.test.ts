import { describe, expect, it } from 'vitest';
import { LiveRoom } from './live-room';

const eva = { personId: 'p-eva', name: 'Eva', side: 'customer' as const };
const bo = { personId: 'p-bo', name: 'Bo', side: 'supplier' as const };

describe('LiveRoom', () => {
	it('lists each person once, supplier side first, however many tabs', () => {
		const room = new LiveRoom('m');
		room.join('s1', eva);
		room.join('s2', eva);
		room.join('s3', bo);
		expect(room.participants().map((p) => p.name)).toEqual(['Bo', 'Eva']);
		expect(room.leave('s1')).toBe(false);
		expect(room.leave('s2')).toBe(true);
		expect(room.participants()).toEqual([bo]);
	});

	it('keeps hands in the order raised and once per person', () => {
		const room = new LiveRoom('m');
		room.raiseHand(eva, '1');
		room.raiseHand(bo, '2');
		room.raiseHand(eva, '3');
		expect(room.hands.map((h) => h.personId)).toEqual(['p-eva', 'p-bo']);
		expect(room.lowerHand('p-eva')).toBe(true);
		expect(room.lowerHand('p-eva')).toBe(false);
	});

	it('keeps the slide inside the deck', () => {
		const room = new LiveRoom('m');
		room.goTo(99);
		expect(room.slide).toBeLessThan(99);
		room.goTo(-1);
		expect(room.slide).toBe(0);
	});
});
