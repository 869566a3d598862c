import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import { memoryDbForEachTest } from '$lib/server/db/test/memory-db';
import { upsertProjectionMark } from './collab.repository';
import { isProjected, PROJECTION_VERSION, projectionMark, recordProjection } from './projection-mark';

const NAME = 'meeting.00000000-0000-4000-8000-000000000000.minutes';
let db: Db;
memoryDbForEachTest((fresh) => (db = fresh));

function minutes(): Y.Doc {
	const doc = new Y.Doc();
	doc.getText('root').insert(0, 'Beslut: vi byter leverantör av skrivare.');
	return doc;
}

describe('projection marks', () => {
	it('a document never projected is behind', async () => {
		expect(await isProjected(db, NAME, minutes())).toBe(false);
	});

	it('a document projected as it is now is current, also when it is loaded again from its stored state', async () => {
		const doc = minutes();
		await recordProjection(db, NAME, projectionMark(doc));
		expect(await isProjected(db, NAME, doc)).toBe(true);
		const loaded = new Y.Doc();
		Y.applyUpdate(loaded, Y.encodeStateAsUpdate(doc));
		expect(await isProjected(db, NAME, loaded)).toBe(true);
	});

	it('is behind after an insertion, and after a deletion alone (which moves no clock)', async () => {
		const doc = minutes();
		await recordProjection(db, NAME, projectionMark(doc));
		doc.getText('root').insert(0, '§1 ');
		expect(await isProjected(db, NAME, doc)).toBe(false);

		await recordProjection(db, NAME, projectionMark(doc));
		expect(await isProjected(db, NAME, doc)).toBe(true);
		doc.getText('root').delete(0, 3);
		expect(await isProjected(db, NAME, doc)).toBe(false);
	});

	it('is behind when the projection has changed since (another version), and when the record does not decode', async () => {
		const doc = minutes();
		await upsertProjectionMark(db, NAME, projectionMark(doc), PROJECTION_VERSION - 1, new Date().toISOString());
		expect(await isProjected(db, NAME, doc)).toBe(false);
		await upsertProjectionMark(db, NAME, new Uint8Array([255, 255, 255]), PROJECTION_VERSION, new Date().toISOString());
		expect(await isProjected(db, NAME, doc)).toBe(false);
	});
});
