/**
 * Joining is cheap when many join at once (issue 19): the SyncStep2 answer to
 * a state vector is encoded once and shared until the document changes, and
 * never outlives a change. Real registry over an in-memory database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { resolveDocument, type DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { meeting, world, type World } from '$lib/server/domain/governance/test/governance-health.fixture';
import { DEFAULT_COLLAB_OPTIONS } from './options';
import { DocumentRegistry } from './registry';

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

/** The document a SyncStep2 message brings to a client with nothing. */
function received(message: Uint8Array): Y.Doc {
	const d = decoding.createDecoder(message);
	decoding.readVarUint(d); // sync
	decoding.readVarUint(d); // step 2
	const doc = new Y.Doc();
	Y.applyUpdate(doc, decoding.readVarUint8Array(d));
	return doc;
}

describe('the initial sync of joiners', () => {
	it('is encoded once for joiners with the same state vector, and encoded anew after a change', async () => {
		const live = await registry.acquire(target);
		const empty = Y.encodeStateVector(new Y.Doc());
		const [a, b] = await Promise.all([live.syncStep2For(empty), live.syncStep2For(empty)]);
		expect(b, 'the same message for both').toBe(a);

		await live.change((doc) => doc.getMap('note').set('text', 'Nytt beslut'));
		const c = await live.syncStep2For(empty);
		expect(c).not.toBe(a);
		expect(received(c).getMap('note').get('text'), 'the joiner after the change gets it').toBe('Nytt beslut');
		expect(received(a).getMap('note').get('text')).toBeUndefined();

		// another state vector gets its own answer: only what it lacks
		const partial = Y.encodeStateVector(received(c));
		const d = await live.syncStep2For(partial);
		expect(d).not.toBe(c);
		expect(received(d).getMap('note').get('text')).toBeUndefined();
		registry.release(live);
	});
});
