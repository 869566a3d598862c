import { describe, expect, it } from 'vitest';
import { meetingDocument } from '$lib/server/domain/collab/collab.policy';
import { sessionIdOf } from '$lib/server/domain/tenancy/access-events';
import { AccessCache, type AccessDecision } from './access-cache';

const meeting = { id: 'm1', forum_id: 'f1', customer_id: 'c1', status: 'planned' as const };
const anna = { personId: 'p-anna', name: 'Anna', email: 'anna@kund.example', access: 'customer_member' as const, customerId: 'c1' };
const decision = (kind: 'agenda' | 'minutes' = 'minutes', actor = anna): AccessDecision => ({ actor, target: meetingDocument(meeting, kind), access: 'write' });
const minutes = meetingDocument(meeting, 'minutes').name;
const agenda = meetingDocument(meeting, 'agenda').name;

function cache(ttl = 30_000) {
	let now = 1_000_000;
	const c = new AccessCache(ttl, () => now);
	return { c, later: (ms: number) => (now += ms), at: () => now };
}

describe('AccessCache', () => {
	it('keeps a decision for the re-check interval, per credential and document', () => {
		const { c, later } = cache();
		c.set('token-a', decision(), c.epoch);
		expect(c.get('token-a', minutes)?.access).toBe('write');
		expect(c.get('token-b', minutes), 'another credential').toBeNull();
		expect(c.get('token-a', agenda), 'another document').toBeNull();
		later(29_999);
		expect(c.get('token-a', minutes)).not.toBeNull();
		later(1);
		expect(c.get('token-a', minutes), 'expired with the interval').toBeNull();
	});

	it('never keeps a decision past its session’s expiry', () => {
		const { c, later, at } = cache();
		c.set('token-a', decision(), c.epoch, at() + 5_000);
		later(5_000);
		expect(c.get('token-a', minutes)).toBeNull();
	});

	it('forgets at once what an ended session, a changed person, token, forum or meeting concerns, and nothing else', () => {
		const { c } = cache();
		const fill = () => {
			c.set('token-a', decision('minutes'), c.epoch);
			c.set('token-a', decision('agenda'), c.epoch);
			c.set('token-b', decision('minutes', { ...anna, personId: 'p-bo' }), c.epoch);
		};
		fill();
		c.drop({ kind: 'session', sessionId: sessionIdOf('token-a') });
		expect([c.get('token-a', minutes), c.get('token-a', agenda)]).toEqual([null, null]);
		expect(c.get('token-b', minutes), 'another session stays').not.toBeNull();

		fill();
		c.drop({ kind: 'person', personId: 'p-bo' });
		expect(c.get('token-b', minutes)).toBeNull();
		expect(c.get('token-a', minutes)).not.toBeNull();

		fill();
		c.drop({ kind: 'token', tokenId: 'p-anna' });
		expect(c.get('token-a', minutes)).toBeNull();

		fill();
		c.drop({ kind: 'forum', forumId: 'f-other' });
		expect(c.size).toBe(3);
		c.drop({ kind: 'forum', forumId: 'f1' });
		expect(c.size).toBe(0);

		fill();
		c.drop({ kind: 'meeting', meetingId: 'm1' });
		expect(c.size).toBe(0);
	});

	it('forgets every decision about a document locked for everyone', () => {
		const { c } = cache();
		c.set('token-a', decision('minutes'), c.epoch);
		c.set('token-b', decision('minutes'), c.epoch);
		c.set('token-a', decision('agenda'), c.epoch);
		c.dropDocument(minutes);
		expect([c.get('token-a', minutes), c.get('token-b', minutes)]).toEqual([null, null]);
		expect(c.get('token-a', agenda)).not.toBeNull();
	});

	it('does not keep a decision whose read began before access changed (it may predate the change)', () => {
		const { c } = cache();
		const epoch = c.epoch;
		c.drop({ kind: 'session', sessionId: sessionIdOf('token-a') });
		c.set('token-a', decision(), epoch);
		expect(c.get('token-a', minutes)).toBeNull();
		c.set('token-a', decision(), c.epoch);
		expect(c.get('token-a', minutes)).not.toBeNull();
	});

	it('keeps nothing when the interval is zero', () => {
		const { c } = cache(0);
		c.set('token-a', decision(), c.epoch);
		expect(c.get('token-a', minutes)).toBeNull();
	});

	it('shares one database read among callers that miss at the same moment, and keeps its result', async () => {
		const { c } = cache();
		let reads = 0;
		const read = async () => {
			reads++;
			await Promise.resolve();
			return { decision: decision(), until: Infinity };
		};
		const all = await Promise.all(Array.from({ length: 50 }, () => c.decide('token-a', minutes, read)));
		expect(reads).toBe(1);
		expect(all.every((d) => d?.access === 'write')).toBe(true);
		await c.decide('token-a', minutes, read);
		expect(reads, 'the kept decision answers the next caller').toBe(1);
		await c.decide('token-b', minutes, read);
		expect(reads, 'another credential reads for itself').toBe(2);
	});

	it('does not hand a read begun before an access change to callers after it', async () => {
		const { c } = cache();
		const reads: Array<(access: 'write' | 'read') => void> = [];
		const read = () =>
			new Promise<{ decision: AccessDecision; until: number }>((resolve) => {
				reads.push((access) => resolve({ decision: { ...decision(), access }, until: Infinity }));
			});
		const before = c.decide('token-a', minutes, read);
		c.drop({ kind: 'forum', forumId: 'f1' });
		const after = c.decide('token-a', minutes, read);
		expect(reads).toHaveLength(2);
		reads[0]('write');
		reads[1]('read');
		expect((await before)?.access).toBe('write');
		expect((await after)?.access).toBe('read');
		expect(c.get('token-a', minutes)?.access, 'only the read after the change is kept').toBe('read');
	});

	it('gives a refusal or an ended session to everyone who shared the read and keeps neither', async () => {
		const { c } = cache();
		let reads = 0;
		const refuse = async () => {
			reads++;
			await Promise.resolve();
			throw new Error('forbidden');
		};
		const settled = await Promise.allSettled([c.decide('token-a', minutes, refuse), c.decide('token-a', minutes, refuse)]);
		expect(reads).toBe(1);
		expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
		const ended = async () => {
			reads++;
			return null;
		};
		expect(await c.decide('token-a', minutes, ended)).toBeNull();
		expect(await c.decide('token-a', minutes, ended)).toBeNull();
		expect(reads, 'nothing kept: each asks again').toBe(3);
	});
});
