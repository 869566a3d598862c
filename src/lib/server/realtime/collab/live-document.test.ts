/**
 * Joining is cheap when many join at once (issue 19): the SyncStep2 answer to
 * a state vector is encoded once and shared until the document changes, and
 * never outlives a change; a large document's state is sent in parts encoded
 * a turn at a time, and the parts add up to the document even when it changes
 * meanwhile. Real registry over an in-memory database.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { resolveDocument, type DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { meeting, world, type World } from '$lib/server/domain/governance/test/governance-health.fixture';
import { TURN_BUDGET_MS } from '$lib/server/event-loop-turn';
import { countTurns } from '$lib/server/turn-counter.testing';
import { DEFAULT_COLLAB_OPTIONS } from './options';
import { DocumentRegistry } from './registry';
import { encodeStructsPart, MAX_STRUCTS_PER_PART, missingFrom, structCount, STRUCTS_ENCODED_IN_ONE_GO } from './state-in-parts';

let w: World;
let target: DocumentTarget;
let registry: DocumentRegistry;

beforeEach(async () => {
	w = await world();
	const meetingId = await meeting(w.db, w.forumA, w.customerA, '2030-03-10T08:00:00Z', '2030-03-10T10:00:00Z');
	target = await resolveDocument(w.db, { scope: 'meeting', id: meetingId, kind: 'agenda' });
	registry = new DocumentRegistry(w.db, DEFAULT_COLLAB_OPTIONS);
});
afterEach(async () => {
	await registry.closeAll();
	await w.db.destroy();
});

/** The document the initial-sync messages bring to a client that has `doc` (nothing, by default). */
function received(messages: Uint8Array[], doc = new Y.Doc()): Y.Doc {
	messages.forEach((message, i) => {
		const d = decoding.createDecoder(message);
		expect(decoding.readVarUint(d)).toBe(0); // sync
		// parts are plain updates; the last message is the SyncStep2 (the client counts itself synced at it)
		expect(decoding.readVarUint(d)).toBe(i === messages.length - 1 ? syncProtocol.messageYjsSyncStep2 : syncProtocol.messageYjsUpdate);
		Y.applyUpdate(doc, decoding.readVarUint8Array(d));
	});
	return doc;
}

describe('the initial sync of joiners', () => {
	it('is encoded once for joiners with the same state vector, and encoded anew after a change', async () => {
		const live = await registry.acquire(target);
		const empty = Y.encodeStateVector(new Y.Doc());
		const [a, b] = await Promise.all([live.initialSyncFor(empty), live.initialSyncFor(empty)]);
		expect(b, 'the same message for both').toBe(a);

		await live.change((doc) => doc.getMap('note').set('text', 'Nytt beslut'));
		const c = await live.initialSyncFor(empty);
		expect(c).not.toBe(a);
		expect(received(c).getMap('note').get('text'), 'the joiner after the change gets it').toBe('Nytt beslut');
		expect(received(a).getMap('note').get('text')).toBeUndefined();

		// another state vector gets its own answer: only what it lacks
		const partial = Y.encodeStateVector(received(c));
		const d = await live.initialSyncFor(partial);
		expect(d).not.toBe(c);
		expect(received(d).getMap('note').get('text')).toBeUndefined();
		registry.release(live);
	});

	it('answers many joiners asking at once from one encoding, without a turn of the event loop each', async () => {
		const live = await registry.acquire(target);
		const empty = Y.encodeStateVector(new Y.Doc());
		const turns = countTurns();
		// the turn is in use (as when a burst of joiners arrives): the first to ask has to wait for a later one
		const until = performance.now() + TURN_BUDGET_MS + 1;
		while (performance.now() < until);
		const answered: number[] = [];
		const replies = await Promise.all(Array.from({ length: 30 }, () => live.initialSyncFor(empty).then((m) => (answered.push(turns.turn), m))));
		turns.stop();
		expect(new Set(replies).size, 'one encoding for all').toBe(1);
		expect(Math.max(...answered) - Math.min(...answered), 'all answered within a turn or two').toBeLessThanOrEqual(2);
	});

	it('sends a large document in parts that add up to it, also when it changes while they are encoded', async () => {
		const live = await registry.acquire(target);
		const text = live.doc.getText('long');
		// one word typed at a time at scattered places: one struct each, as the bench's cold-load document
		await live.change(() => {
			for (let i = 0; i < 12_000; i++) text.insert((i * 7919) % (text.length + 1), `ord${i} `);
		});
		expect(structCount(live.doc)).toBeGreaterThan(STRUCTS_ENCODED_IN_ONE_GO);
		const empty = Y.encodeStateVector(new Y.Doc());

		// the joiner also gets every change made meanwhile, relayed as it is committed
		const relayed: Uint8Array[] = [];
		live.doc.on('update', (u: Uint8Array) => relayed.push(u));
		// a slow machine: every look at the clock finds a millisecond gone, so each part fills a turn
		let now = performance.now();
		const slow = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
		const syncing = live.initialSyncFor(empty);
		// changes while the parts are encoded: new text, deletions in what went out already, a map entry
		let edits = 0;
		let done = false;
		const edit = () => {
			if (done || edits === 20) return;
			edits++;
			void live.change(() => {
				text.delete((edits * 104_729) % (text.length - 10), 7);
				text.insert((edits * 15_485) % text.length, `ny${edits} `);
				live.doc.getMap('meta').set(`k${edits}`, edits);
			});
			setImmediate(edit);
		};
		setImmediate(edit);
		const messages = await syncing;
		done = true;
		slow.mockRestore();
		await live.committed();

		expect(messages.length, 'parts, then the SyncStep2').toBeGreaterThan(structCount(live.doc) / MAX_STRUCTS_PER_PART + 1);
		expect(edits, 'edits were made between the parts').toBeGreaterThan(2);
		const joiner = received(messages);
		for (const u of relayed) Y.applyUpdate(joiner, u);
		expect(joiner.store.pendingStructs, 'nothing left waiting for a missing part').toBeNull();
		expect(joiner.getText('long').toString()).toBe(text.toString());
		expect(joiner.getMap('meta').toJSON()).toEqual(live.doc.getMap('meta').toJSON());

		// encoded across a change: not shared with the next joiner, who gets the document as it is now
		const again = await live.initialSyncFor(empty);
		expect(again).not.toBe(messages);
		expect(received(again).getText('long').toString()).toBe(text.toString());
		expect(await live.initialSyncFor(empty), 'unchanged since: shared').toBe(again);

		// a client that has part of it gets the rest
		const half = new Y.Doc();
		Y.applyUpdate(half, Y.encodeStateAsUpdate(joiner));
		half.getText('own').insert(0, 'offline');
		await live.change(() => text.insert(0, 'Rubrik '));
		expect(received(await live.initialSyncFor(Y.encodeStateVector(half)), half).getText('long').toString()).toBe(text.toString());
		registry.release(live);
	});

	it('writes a part from the middle of a struct, for a client that has the first half of it', () => {
		const doc = new Y.Doc();
		const typed: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => typed.push(u));
		doc.getText('t').insert(0, 'Beslut');
		doc.getText('t').insert(6, 'sunderlag');
		expect(structCount(doc), 'typing on merges into one struct').toBe(1);
		const client = new Y.Doc();
		Y.applyUpdate(client, typed[0]);
		const [[id, from]] = missingFrom(doc, Y.decodeStateVector(Y.encodeStateVector(client)));
		expect(from).toBe(6);
		Y.applyUpdate(client, encodeStructsPart(doc, id, from, () => false).update);
		expect(client.getText('t').toString()).toBe('Beslutsunderlag');
	});
});
