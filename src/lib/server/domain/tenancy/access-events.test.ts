import { afterEach, describe, expect, it } from 'vitest';
import {
	accessChanged,
	accessChangesRelayed,
	concerns,
	onAccessChange,
	parseAccessChange,
	receivedAccessChange,
	relayAccessChanges,
	sessionIdOf,
	type AccessChange,
	type AccessHolder
} from './access-events';

const holder: AccessHolder = { personId: 'p1', credential: 'cookie-token', forumId: 'f1', meetingId: 'm1' };
const undo: (() => void)[] = [];
afterEach(() => undo.splice(0).forEach((u) => u()));

describe('access events', () => {
	it.each<[AccessChange, boolean]>([
		[{ kind: 'session', sessionId: sessionIdOf('cookie-token') }, true],
		[{ kind: 'session', sessionId: sessionIdOf('another-token') }, false],
		[{ kind: 'person', personId: 'p1' }, true],
		[{ kind: 'person', personId: 'p2' }, false],
		[{ kind: 'token', tokenId: 'p1' }, true],
		[{ kind: 'forum', forumId: 'f1' }, true],
		[{ kind: 'forum', forumId: 'f2' }, false],
		[{ kind: 'meeting', meetingId: 'm1' }, true],
		[{ kind: 'meeting', meetingId: 'm2' }, false]
	])('%j concerns a socket of p1 on f1/m1: %s', (change, expected) => {
		expect(concerns(change, holder)).toBe(expected);
	});

	it('a forum or meeting event never concerns a socket outside any forum or meeting', () => {
		const lobby = { ...holder, forumId: null, meetingId: null };
		expect(concerns({ kind: 'forum', forumId: 'f1' }, lobby)).toBe(false);
		expect(concerns({ kind: 'meeting', meetingId: 'm1' }, lobby)).toBe(false);
	});

	it('reaches this process and the relay; one received from another instance is not relayed back', () => {
		const here: AccessChange[] = [];
		const relayed: AccessChange[] = [];
		undo.push(onAccessChange((c) => here.push(c)));
		undo.push(relayAccessChanges(async (c) => void relayed.push(c)));
		accessChanged({ kind: 'forum', forumId: 'f1' });
		receivedAccessChange({ kind: 'person', personId: 'p9' });
		expect(here).toEqual([
			{ kind: 'forum', forumId: 'f1' },
			{ kind: 'person', personId: 'p9' }
		]);
		expect(relayed).toEqual([{ kind: 'forum', forumId: 'f1' }]);
	});

	it('tells when the relayed changes have reached the broker (what a request waits for before it answers), or gives up after a while', async () => {
		let confirm!: () => void;
		undo.push(relayAccessChanges(() => new Promise<void>((r) => (confirm = r))));
		await expect(accessChangesRelayed(), 'nothing in flight').resolves.toBeUndefined();
		accessChanged({ kind: 'person', personId: 'p1' });
		let done = false;
		const waiting = accessChangesRelayed(5_000).then(() => (done = true));
		await new Promise((r) => setTimeout(r, 20));
		expect(done, 'still waiting for the broker').toBe(false);
		confirm();
		await waiting;
		expect(done).toBe(true);

		// a broker that never answers holds the request up for waitMs at most
		accessChanged({ kind: 'person', personId: 'p2' });
		const started = Date.now();
		await accessChangesRelayed(50);
		expect(Date.now() - started).toBeLessThan(1_000);
		confirm();
	});

	it('a failing listener does not keep the others from hearing', () => {
		const heard: string[] = [];
		undo.push(
			onAccessChange(() => {
				throw new Error('boom');
			})
		);
		undo.push(onAccessChange((c) => heard.push(c.kind)));
		const error = console.error;
		console.error = () => {};
		try {
			accessChanged({ kind: 'meeting', meetingId: 'm1' });
		} finally {
			console.error = error;
		}
		expect(heard).toEqual(['meeting']);
	});

	it('reads only well-formed changes (they arrive from Redis)', () => {
		expect(parseAccessChange({ kind: 'token', tokenId: 't1' })).toEqual({ kind: 'token', tokenId: 't1' });
		for (const bad of [null, 'person', {}, { kind: 'everyone' }, { kind: 'person' }, { kind: 'person', personId: '' }, { kind: 'person', personId: 'p', extra: 1 }, { kind: 'forum', forumId: 'x'.repeat(500) }]) {
			expect(parseAccessChange(bad)).toBeNull();
		}
	});
});
