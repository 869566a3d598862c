import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { decodeFanout, encodeFanout, type FanoutMessage } from './fanout-message';
import { RedisFanout } from './fanout';
import type { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';

function realUpdate(): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, 'hej');
	return Y.encodeStateAsUpdate(doc);
}

function realAwareness(): Uint8Array {
	const doc = new Y.Doc();
	const a = new awarenessProtocol.Awareness(doc);
	a.setLocalState({ user: { name: 'Anna' }, cursor: 3 });
	return awarenessProtocol.encodeAwarenessUpdate(a, [doc.clientID]);
}

const messages: FanoutMessage[] = [
	{ sender: 'i1/ab', kind: 'update', rows: 3, update: realUpdate() },
	{ sender: 'i1/ab', kind: 'awareness', update: realAwareness() },
	{ sender: 'i2/cd', kind: 'lock' },
	{ sender: 'i2/cd', kind: 'compacted', rows: 512 },
	{ sender: 'x', kind: 'awarenessQuery' },
	{ sender: 'x', kind: 'stale' },
	{ sender: 'x', kind: 'access', change: { kind: 'session', sessionId: 'ab'.repeat(32) } },
	{ sender: 'x', kind: 'access', change: { kind: 'forum', forumId: 'f-1' } }
];

describe('fan-out messages', () => {
	it.each(messages.map((m) => [m.kind, m] as const))('round-trips %s', (_kind, message) => {
		const decoded = decodeFanout(encodeFanout(message));
		expect(decoded).toEqual({ message });
	});

	it('keeps binary updates byte for byte (a real Yjs update applies after the trip)', () => {
		const update = realUpdate();
		const decoded = decodeFanout(encodeFanout({ sender: 's', kind: 'update', rows: 1, update }));
		if (!('message' in decoded) || decoded.message.kind !== 'update') throw new Error('not decoded');
		const doc = new Y.Doc();
		Y.applyUpdate(doc, decoded.message.update);
		expect(doc.getText('t').toString()).toBe('hej');
	});

	const valid = encodeFanout(messages[0]);
	const malformed: [string, Uint8Array][] = [
		['empty', new Uint8Array()],
		['unknown format', Uint8Array.from([9, ...valid.slice(1)])],
		['truncated', valid.slice(0, valid.length - 5)],
		['trailing bytes', Uint8Array.from([...valid, 0])],
		['unknown kind', encodeRaw((e) => (encoding.writeVarString(e, 's'), encoding.writeVarUint(e, 42)))],
		['empty sender', encodeRaw((e) => (encoding.writeVarString(e, ''), encoding.writeVarUint(e, 2)))],
		['huge declared length', encodeRaw((e) => (encoding.writeVarString(e, 's'), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 2 ** 31)))],
		[
			'update that is not Yjs',
			encodeRaw((e) => (encoding.writeVarString(e, 's'), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, Uint8Array.from([200, 200, 200, 1]))))
		],
		[
			'presence that is not JSON',
			encodeRaw((e) => {
				encoding.writeVarString(e, 's');
				encoding.writeVarUint(e, 1);
				const inner = encoding.createEncoder();
				encoding.writeVarUint(inner, 1);
				encoding.writeVarUint(inner, 7);
				encoding.writeVarUint(inner, 1);
				encoding.writeVarString(inner, '{not json');
				encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
			})
		],
		['access change that is not JSON', encodeRaw((e) => (encoding.writeVarString(e, 's'), encoding.writeVarUint(e, 6), encoding.writeVarString(e, '{no')))],
		[
			'access change of an unknown kind',
			encodeRaw((e) => (encoding.writeVarString(e, 's'), encoding.writeVarUint(e, 6), encoding.writeVarString(e, JSON.stringify({ kind: 'everyone' }))))
		],
		[
			'access change with extra fields',
			encodeRaw((e) => (encoding.writeVarString(e, 's'), encoding.writeVarUint(e, 6), encoding.writeVarString(e, JSON.stringify({ kind: 'person', personId: 'p', x: 1 }))))
		]
	];

	it.each(malformed)('refuses %s', (_what, bytes) => {
		const decoded = decodeFanout(bytes);
		expect(decoded).toHaveProperty('error');
	});

	it('never throws on random bytes', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let i = 0; i < 2000; i++) {
			const bytes = Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256));
			if (i % 2 === 0 && bytes.length > 0) bytes[0] = 1; // past the format byte, into the fields
			expect(() => decodeFanout(bytes)).not.toThrow();
		}
	});
});

function encodeRaw(fill: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeUint8(e, 1);
	fill(e);
	return encoding.toUint8Array(e);
}

/** Just enough of an ioredis connection to feed the receiving side (Redis itself is covered by the integration test). */
class FakeConnection extends EventEmitter {
	status = 'ready';
	subscribe = vi.fn(() => Promise.resolve(1));
	unsubscribe = vi.fn(() => Promise.resolve(0));
	publish = vi.fn(() => Promise.resolve(1));
	ping = vi.fn(() => Promise.resolve('PONG'));
	quit = vi.fn(() => Promise.resolve('OK'));
}

describe('RedisFanout receiving', () => {
	afterEach(() => vi.restoreAllMocks());

	function setup() {
		const pub = new FakeConnection();
		const sub = new FakeConnection();
		const fanout = new RedisFanout(pub as unknown as Redis, sub as unknown as Redis, 'test', 'me');
		const received: [string, FanoutMessage][] = [];
		fanout.onMessage((name, m) => received.push([name, m]));
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const deliver = (doc: string, bytes: Uint8Array) => sub.emit('messageBuffer', Buffer.from(`test:collab:${doc}`), Buffer.from(bytes));
		return { pub, sub, fanout, received, warn, deliver };
	}

	it('drops and logs a malformed message, counts it, and keeps delivering the next ones', async () => {
		const { fanout, received, warn, deliver } = setup();
		await fanout.subscribe('doc.a');
		expect(() => deliver('doc.a', Uint8Array.from([1, 2, 3]))).not.toThrow();
		deliver('doc.a', encodeFanout({ sender: 'other', kind: 'lock' }));
		expect(received).toEqual([['doc.a', { sender: 'other', kind: 'lock' }]]);
		expect(fanout.metrics().droppedMalformed).toBe(1);
		expect(warn).toHaveBeenCalledWith(expect.stringContaining('malformed message on doc.a'));
	});

	it('ignores its own echo and documents it does not hold', async () => {
		const { fanout, pub, received, deliver } = setup();
		await fanout.subscribe('doc.a');
		fanout.publish('doc.a', { kind: 'lock' });
		const [channel, ownBytes] = pub.publish.mock.calls[0] as unknown as [string, Buffer];
		expect(channel).toBe('test:collab:doc.a');
		deliver('doc.a', ownBytes);
		deliver('doc.b', encodeFanout({ sender: 'other', kind: 'lock' }));
		expect(received).toEqual([]);
	});

	it('skips publishing while Redis is down, and reports it', () => {
		const { fanout, pub } = setup();
		pub.status = 'reconnecting';
		fanout.publish('doc.a', { kind: 'lock' });
		expect(pub.publish).not.toHaveBeenCalled();
		expect(fanout.metrics().skippedWhileDisconnected).toBe(1);
	});

	it('after an outage of its publisher, asks the others to heal the documents it could not publish', async () => {
		const { fanout, pub } = setup();
		pub.emit('ready');
		pub.emit('close');
		pub.status = 'reconnecting';
		fanout.publish('doc.a', { kind: 'update', rows: 1, update: realUpdate() });
		fanout.publish('doc.b', { kind: 'awareness', update: realAwareness() });
		expect(pub.publish).not.toHaveBeenCalled();
		pub.status = 'ready';
		pub.emit('ready');
		expect(pub.publish).toHaveBeenCalledTimes(1);
		const [channel, bytes] = pub.publish.mock.calls[0] as unknown as [string, Buffer];
		expect(channel).toBe('test:collab:doc.a');
		expect(decodeFanout(new Uint8Array(bytes))).toMatchObject({ message: { kind: 'stale' } });
	});

	it('tells its listeners to heal whenever the subscriber is (back) in force, counting the reconnects', async () => {
		const { fanout, sub } = setup();
		let heals = 0;
		fanout.onReconnect(() => heals++);
		sub.emit('ready');
		await new Promise((r) => setTimeout(r, 10));
		expect(heals).toBe(1);
		expect(fanout.metrics().reconnects).toBe(0);
		sub.emit('close');
		sub.emit('ready');
		await new Promise((r) => setTimeout(r, 10));
		expect(heals).toBe(2);
		expect(fanout.metrics().reconnects).toBe(1);
		// only once the PING queued behind the re-subscriptions has answered
		expect(sub.ping).toHaveBeenCalledTimes(2);
	});
});
