import { describe, expect, it } from 'vitest';
import { MemoryRoomStore, nextRevision } from './room-store';

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
		expect(await store.snapshot('m')).toEqual({ presenting: false, presenterId: null, slide: 0, material: null, page: 1, participants: [], hands: [] });
	});

	it('moving a slide takes the presentation over; passing it on needs a presentation running', async () => {
		const store = new MemoryRoomStore();
		await store.join('m', 's1', bo);
		await store.passPresentation('m', eva.personId);
		expect((await store.snapshot('m')).presenterId).toBeNull();
		expect(await store.goTo('m', bo.personId, 3)).toMatchObject({ presenting: true, presenterId: bo.personId, slide: 3 });
		await store.passPresentation('m', eva.personId);
		expect(await store.stopPresenting('m')).toMatchObject({ presenting: false, presenterId: null, slide: 3 });
	});

	it('shows a material page by page; pages turn only while one is shown; a slide brings the slides back', async () => {
		const store = new MemoryRoomStore();
		await store.join('m', 's1', bo);
		const pdf = { id: 'mat', version: 1, fileName: 'underlag.pdf' };
		expect(await store.goToPage('m', bo.personId, 2)).toBeNull();
		expect(await store.showMaterial('m', eva.personId, pdf, 3)).toMatchObject({ presenting: true, presenterId: eva.personId, material: pdf, page: 3 });
		expect(await store.goToPage('m', bo.personId, 0)).toMatchObject({ presenterId: bo.personId, material: pdf, page: 1 });
		expect(await store.goTo('m', bo.personId, 2)).toMatchObject({ material: null, slide: 2 });
		expect(await store.goToPage('m', bo.personId, 2)).toBeNull();
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

	it('takes a larger revision for every change, also across a restart (the clock in microseconds)', async () => {
		const store = new MemoryRoomStore();
		const first = await store.revise();
		const moved = await store.goTo('m', bo.personId, 1);
		const second = await store.revise();
		expect(moved.revision).toBeGreaterThan(first);
		expect(second).toBeGreaterThan(moved.revision);
		expect(first).toBeGreaterThanOrEqual(Date.now() * 1000 - 5_000_000);
		// a process restarted (even a millisecond later) starts from the clock, past whatever the last one gave
		await new Promise((r) => setTimeout(r, 2));
		expect(await new MemoryRoomStore().revise()).toBeGreaterThan(second);
	});
});

describe('nextRevision', () => {
	it('follows the clock, and counts on within one millisecond', () => {
		expect(nextRevision(0, 1_000)).toBe(1_000_000);
		expect(nextRevision(1_000_000, 1_000)).toBe(1_000_001);
		expect(nextRevision(1_000_001, 1_002)).toBe(1_002_000);
		expect(nextRevision(5_000_000, 1_002)).toBe(5_000_001);
	});
});
