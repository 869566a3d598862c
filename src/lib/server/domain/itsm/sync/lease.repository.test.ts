import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { itsmDb } from '../test/itsm-db';
import { claimLease, releaseLease, renewLease } from './lease.repository';

let db: Db;
beforeEach(async () => {
	db = await itsmDb();
});
afterEach(async () => {
	await db.destroy();
});

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 3, 0, s));

describe('worker lease', () => {
	it('one owner at a time; taken over only once it ran out; renewed and released only by its owner', async () => {
		const claim = (owner: string, s: number) => claimLease(db, { name: 'ticket-sync:x', owner, now: at(s), ms: 10_000 });
		expect(await claim('a', 0)).toBe(true);
		expect(await claim('b', 5)).toBe(false);
		// the owner claims again (extends)
		expect(await claim('a', 5)).toBe(true);
		expect(await renewLease(db, { name: 'ticket-sync:x', owner: 'b', now: at(6), ms: 10_000 })).toBe(false);
		expect(await renewLease(db, { name: 'ticket-sync:x', owner: 'a', now: at(6), ms: 10_000 })).toBe(true);
		expect(await claim('b', 15)).toBe(false);
		// a killed owner stops renewing: once expired, another takes it, and the old one can no longer renew
		expect(await claim('b', 16)).toBe(true);
		expect(await renewLease(db, { name: 'ticket-sync:x', owner: 'a', now: at(17), ms: 10_000 })).toBe(false);
		await releaseLease(db, 'ticket-sync:x', 'a');
		expect(await claim('c', 17)).toBe(false);
		await releaseLease(db, 'ticket-sync:x', 'b');
		expect(await claim('c', 17)).toBe(true);
	});

	it('of many claims at once exactly one wins', async () => {
		const wins = await Promise.all(Array.from({ length: 10 }, (_, i) => claimLease(db, { name: 'ticket-sync:y', owner: `o${i}`, now: at(0), ms: 10_000 })));
		expect(wins.filter(Boolean)).toHaveLength(1);
	});
});
