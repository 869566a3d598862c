import { describe, expect, it } from 'vitest';
import { MemoryRoomStore } from './room-store';

const eva = { personId: 'p-eva', name: 'Eva', side: 'customer' as const };
const bo = { personId: 'p-bo', name: 'Bo', side: 'supplier' as const };

describe('MemoryRoomStore (one instance)', () => {
	it('tells newcomers from second tabs and forgets the room when the last socket leaves', async () => {
		const store = new MemoryRoomStore();
		expect(await store.join('m', 's1', eva)).toBe(true);
		expect(await store.join('m', 's2', eva)).toBe(false);
		expect(await store.join('m', 's3', bo)).toBe(true);
		await store.goTo('m', bo.personId, 2);
		expect((await store.snapshot('m')).participants.map((p) => p.name)).toEqual(['Bo', 'Eva']);
		expect(await store.leave('m', 's1')).toBe(false);
		expect(await store.leave('m', 's2')).toBe(true);
		expect(await store.leave('m', 's3')).toBe(true);
		expect(store.hasLocal('m')).toBe(false);
		expect(await store.snapshot('m')).toEqual({ presenting: false, presenterId: null, slide: 0, participants: [], hands: [] });
	});

	it('moving a slide takes the presentation over; passing it on needs a presentation running', async () => {
		const store = new MemoryRoomStore();
		await store.join('m', 's1', bo);
		await store.passPresentation('m', eva.personId);
		expect((await store.snapshot('m')).presenterId).toBeNull();
		expect(await store.goTo('m', bo.personId, 3)).toEqual({ presenting: true, presenterId: bo.personId, slide: 3 });
		await store.passPresentation('m', eva.personId);
		expect(await store.stopPresenting('m')).toEqual({ presenting: false, presenterId: null, slide: 3 });
	});

	it('keeps one hand per person, in the order raised', async () => {
		const store = new MemoryRoomStore();
		await store.join('m', 's1', bo);
		expect(await store.raiseHand('m', { ...eva, at: '1' })).toBe(true);
		expect(await store.raiseHand('m', { ...bo, at: '2' })).toBe(true);
		expect(await store.raiseHand('m', { ...eva, at: '3' })).toBe(false);
		expect((await store.snapshot('m')).hands.map((h) => h.personId)).toEqual([eva.personId, bo.personId]);
		expect(await store.lowerHand('m', eva.personId)).toBe(true);
		expect(await store.lowerHand('m', eva.personId)).toBe(false);
	});
});
