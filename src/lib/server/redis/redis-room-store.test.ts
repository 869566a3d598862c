/**
 * The live room's shared state in a real Redis, with two or three stores
 * playing app instances of one installation. Needs Redis
 * (`eval "$(bash .ci/services)"` sets TEST_REDIS_URL): skipped without it on
 * a developer's machine, failed without it in CI.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '$lib/realtime/room/events';
import { MAX_PAGE } from '$lib/realtime/room/schemas';
import { SLIDE_KEYS } from '$lib/realtime/room/slides';
import { RedisRoomStore } from './redis-room-store';

const REDIS_URL = process.env.TEST_REDIS_URL;
const IN_CI = process.env.CI === 'true';

const eva: Participant = { personId: 'p-eva', name: 'Eva', side: 'customer' };
const bo: Participant = { personId: 'p-bo', name: 'Bo', side: 'supplier' };
const ida: Participant = { personId: 'p-ida', name: 'Ida', side: 'customer' };

async function until(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
	const start = Date.now();
	while (!(await predicate())) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

describe.skipIf(!REDIS_URL && !IN_CI)('RedisRoomStore', () => {
	// one installation per test file: its own key prefix in the shared Redis
	const prefix = `test-room-store-${randomUUID()}`;
	const connections: Redis[] = [];
	const stores: RedisRoomStore[] = [];
	let admin: Redis | undefined;

	const instance = (name: string, opts: { heartbeatMs?: number; aliveMs?: number } = {}) => {
		const redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: null });
		connections.push(redis);
		const store = new RedisRoomStore(redis, { prefix, instance: name, ...opts });
		stores.push(store);
		return { redis, store };
	};
	const keysOf = (meetingId: string) => admin!.keys(`${prefix}:room:${meetingId}*`);

	beforeAll(() => {
		if (!REDIS_URL) throw new Error('CI=true but TEST_REDIS_URL is not set: start the services with eval "$(bash .ci/services)"');
		admin = new Redis(REDIS_URL);
	});

	afterEach(async () => {
		for (const s of stores.splice(0)) await s.close();
		for (const c of connections.splice(0)) c.disconnect();
	});

	afterAll(async () => {
		if (!admin) return;
		const keys = await admin.keys(`${prefix}:*`);
		if (keys.length) await admin.del(...keys);
		admin.disconnect();
	});

	it('lists everyone on every instance once, and tells newcomers from second tabs', async () => {
		const m = randomUUID();
		const a = instance('a').store;
		const b = instance('b').store;
		expect(await a.join(m, 's1', eva)).toBe(true);
		expect(await b.join(m, 's2', bo)).toBe(true);
		// Eva's second tab, on the other instance: not a newcomer
		expect(await b.join(m, 's3', eva)).toBe(false);
		for (const s of [a, b]) expect((await s.snapshot(m)).participants.map((p) => p.name)).toEqual(['Bo', 'Eva']);
		// one of Eva's two tabs closes: she is still there
		expect(await a.leave(m, 's1')).toBe(false);
		expect((await a.snapshot(m)).participants.map((p) => p.name)).toEqual(['Bo', 'Eva']);
		expect(await b.leave(m, 's3')).toBe(true);
		expect((await a.snapshot(m)).participants).toEqual([bo]);
	});

	it('shares the presentation, keeps the slide inside the deck, and passes it on only while presenting', async () => {
		const m = randomUUID();
		const a = instance('a').store;
		const b = instance('b').store;
		await a.join(m, 's1', bo);
		await b.join(m, 's2', eva);
		await b.passPresentation(m, eva.personId);
		expect(await a.snapshot(m)).toMatchObject({ presenting: false, presenterId: null, slide: 0 });
		expect(await a.startPresenting(m, bo.personId)).toMatchObject({ presenting: true, presenterId: bo.personId, slide: 0 });
		expect(await a.goTo(m, bo.personId, 99)).toMatchObject({ presenting: true, presenterId: bo.personId, slide: SLIDE_KEYS.length - 1 });
		expect(await b.snapshot(m)).toMatchObject({ presenting: true, presenterId: bo.personId, slide: SLIDE_KEYS.length - 1 });
		await b.passPresentation(m, eva.personId);
		expect((await a.snapshot(m)).presenterId).toBe(eva.personId);
		expect(await b.stopPresenting(m)).toMatchObject({ presenting: false, presenterId: null, slide: SLIDE_KEYS.length - 1 });
	});

	it('shares a material shown and its page; pages turn only while one is shown; the slides bring it down', async () => {
		const m = randomUUID();
		const a = instance('a').store;
		const b = instance('b').store;
		await a.join(m, 's1', bo);
		await b.join(m, 's2', eva);
		const pdf = { id: randomUUID(), version: 2, fileName: 'Underlag åäö.pdf' };
		expect(await b.goToPage(m, eva.personId, 2)).toBeNull();
		expect(await a.snapshot(m)).toMatchObject({ presenting: false, material: null, page: 1 });
		expect(await a.showMaterial(m, bo.personId, pdf, 3)).toMatchObject({ presenting: true, presenterId: bo.personId, material: pdf, page: 3 });
		expect(await b.snapshot(m)).toMatchObject({ material: pdf, page: 3 });
		// the other instance turns the page: it takes the presentation, the material stays
		expect(await b.goToPage(m, eva.personId, 99_999)).toMatchObject({ presenterId: eva.personId, material: pdf, page: MAX_PAGE });
		expect(await a.goTo(m, bo.personId, 2)).toMatchObject({ material: null, slide: 2 });
		expect(await b.goToPage(m, eva.personId, 2)).toBeNull();
		expect(await b.snapshot(m)).toMatchObject({ presenterId: bo.personId, material: null, slide: 2 });
	});

	it('loses no hand when two instances raise and lower hands at the same moment', async () => {
		const m = randomUUID();
		const a = instance('a').store;
		const b = instance('b').store;
		await a.join(m, 's1', bo);
		const people = Array.from({ length: 40 }, (_, i): Participant => ({ personId: `p-${i}`, name: `P${i}`, side: i % 2 ? 'customer' : 'supplier' }));
		const raised = await Promise.all(people.map((p, i) => (i % 2 ? a : b).raiseHand(m, { ...p, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() })));
		expect(raised.every(Boolean)).toBe(true);
		// raising twice changes nothing
		expect(await a.raiseHand(m, { ...people[0], at: new Date().toISOString() })).toBe(false);
		const hands = (await b.snapshot(m)).hands;
		expect(hands.map((h) => h.personId)).toEqual(people.map((p) => p.personId));
		const lowered = await Promise.all(people.slice(0, 20).map((p, i) => (i % 2 ? b : a).lowerHand(m, p.personId)));
		expect(lowered.every(Boolean)).toBe(true);
		expect(await a.lowerHand(m, people[0].personId)).toBe(false);
		expect((await a.snapshot(m)).hands.map((h) => h.personId)).toEqual(people.slice(20).map((p) => p.personId));
	});

	it("drops a dead instance's participants within its lifetime and tells the rooms of the living", async () => {
		const m = randomUUID();
		const a = instance('a', { heartbeatMs: 100, aliveMs: 400 }).store;
		const dying = instance('dying', { heartbeatMs: 100, aliveMs: 400 });
		const changed: string[] = [];
		a.onOutsideChange((id) => changed.push(id));
		await a.join(m, 's1', bo);
		await dying.store.join(m, 's2', ida);
		expect((await a.snapshot(m)).participants.map((p) => p.name)).toEqual(['Bo', 'Ida']);
		// SIGKILL, as far as Redis can tell: the connection goes and the heartbeats stop
		dying.redis.disconnect();
		const died = Date.now();
		await until(async () => (await a.snapshot(m)).participants.length === 1, 2_000, 'Ida to drop out');
		expect(Date.now() - died).toBeLessThan(1_000);
		await until(() => changed.includes(m), 1_000, 'the living instance to be told');
		expect((await a.snapshot(m)).participants).toEqual([bo]);
	});

	it('republishes the room when Redis comes back without it, and tells the room', async () => {
		const m = randomUUID();
		const a = instance('a', { heartbeatMs: 100 }).store;
		const b = instance('b', { heartbeatMs: 100 }).store;
		const changed: string[] = [];
		a.onOutsideChange((id) => changed.push(id));
		b.onOutsideChange((id) => changed.push(id));
		// both have had a heartbeat: they know the data generation they remember against
		await new Promise((r) => setTimeout(r, 300));
		await a.join(m, 's1', bo);
		await b.join(m, 's2', eva);
		await a.goTo(m, bo.personId, 3);
		const pdf = { id: randomUUID(), version: 1, fileName: 'underlag.pdf' };
		await a.showMaterial(m, bo.personId, pdf, 4);
		await b.raiseHand(m, { ...eva, at: new Date().toISOString() });
		await a.snapshot(m);
		await b.snapshot(m);
		// what a Redis restart without persistence leaves: nothing of this installation
		await admin!.del(...(await admin!.keys(`${prefix}:*`)));
		// reading the emptied room before a heartbeat noticed must not make the loss what is republished
		expect((await b.snapshot(m)).hands).toEqual([]);
		// someone joins on A and the slide moves on B before any heartbeat noticed: that is kept, the rest filled in
		await a.join(m, 's3', ida);
		await b.goTo(m, bo.personId, 5);
		await until(() => changed.includes(m), 2_000, 'a heartbeat to republish the room');
		for (const s of [a, b]) {
			// the slide moved after the loss (which put the material down): the page shown before comes back with it
			expect(await s.snapshot(m)).toMatchObject({ presenting: true, presenterId: bo.personId, slide: 5, material: null, page: 4, hands: [{ personId: eva.personId }] });
			await until(async () => (await s.snapshot(m)).participants.length === 3, 1_000, 'presence to come back');
		}
	});

	it('takes revisions that grow across instances, and keep growing after Redis lost them', async () => {
		const m = randomUUID();
		const a = instance('a').store;
		const b = instance('b').store;
		await a.join(m, 's1', bo);
		const seen: number[] = [];
		seen.push(await a.revise(m));
		seen.push((await b.goTo(m, bo.personId, 2)).revision);
		seen.push(await b.revise(m));
		seen.push((await a.stopPresenting(m)).revision);
		// two at once on two instances: two different revisions
		const both = await Promise.all([a.revise(m), b.revise(m)]);
		seen.push(...both.sort((x, y) => x - y));
		for (let i = 1; i < seen.length; i++) expect(seen[i], `revision ${i}`).toBeGreaterThan(seen[i - 1]);
		await admin!.del(...(await admin!.keys(`${prefix}:*`)));
		expect(await b.revise(m)).toBeGreaterThan(seen.at(-1)!);
	});

	it('forgets the room once everyone on every instance has left', async () => {
		const m = randomUUID();
		const a = instance('a').store;
		const b = instance('b').store;
		await a.join(m, 's1', bo);
		await b.join(m, 's2', eva);
		await a.startPresenting(m, bo.personId);
		await b.raiseHand(m, { ...eva, at: new Date().toISOString() });
		await a.leave(m, 's1');
		expect((await keysOf(m)).length).toBeGreaterThan(0);
		await b.leave(m, 's2');
		expect(await keysOf(m)).toEqual([]);
		expect(await a.snapshot(m)).toEqual({ presenting: false, presenterId: null, slide: 0, material: null, page: 1, hands: [], participants: [] });
		expect(a.localRooms + b.localRooms).toBe(0);
	});
});
