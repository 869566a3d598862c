/**
 * The projector stays off the hot path (issue 19): a live document is
 * projected again only when something its projection reads changed, and a
 * document that keeps changing is projected at most once per interval.
 * Counted on the real registry and projector over an in-memory database: the
 * writes of a minutes projection into `minutes_text`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InsertQueryNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import * as Y from 'yjs';
import type { Db } from '$lib/server/db';
import { resolveDocument, type DocumentTarget } from '$lib/server/domain/collab/collab.policy';
import { meeting, world, type World } from '$lib/server/domain/governance/test/governance-health.fixture';
import { appendUpdates } from '$lib/server/domain/collab/document-storage';
import { DEFAULT_COLLAB_OPTIONS } from './options';
import { Projector } from './projector';
import { DocumentRegistry } from './registry';

/** Counts the minutes projections: each writes the meeting's row of `minutes_text` once. */
function counting(db: Db) {
	let projections = 0;
	const plugin: KyselyPlugin = {
		transformQuery: ({ node }: PluginTransformQueryArgs): RootOperationNode => {
			if (InsertQueryNode.is(node) && node.into?.table.identifier.name === 'minutes_text') projections++;
			return node;
		},
		transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result
	};
	return { db: db.withPlugin(plugin), projections: () => projections };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let w: World;
let target: DocumentTarget;
let registry: DocumentRegistry | null = null;

beforeEach(async () => {
	w = await world();
	const meetingId = await meeting(w.db, w.forumA, w.customerA, '2030-03-10T08:00:00Z', '2030-03-10T10:00:00Z');
	target = await resolveDocument(w.db, { scope: 'meeting', id: meetingId, kind: 'minutes' });
});
afterEach(async () => {
	await registry?.closeAll();
	registry = null;
	await w.db.destroy();
});

describe('the projection of live documents', () => {
	it('is not run again for a change to a part of the document the projection does not read', async () => {
		const c = counting(w.db);
		registry = new DocumentRegistry(c.db, DEFAULT_COLLAB_OPTIONS);
		// loaded (and seeded, which is projected) and kept open like a meeting's minutes
		const live = await registry.acquire(target);
		await registry.flushProjection(target);
		const settled = c.projections();
		expect(settled).toBeGreaterThan(0);
		for (let i = 0; i < 5; i++) await registry.change(target, (doc) => doc.getMap('elsewhere').set('n', i));
		// past the projector's delay and its interval per document (2 s)
		await wait(2_500);
		expect(c.projections(), 'changes outside the minutes text').toBe(settled);

		await registry.change(target, (doc) => doc.get('root', Y.XmlText).insert(0, 'Beslut: '));
		await wait(2_500);
		expect(c.projections(), 'a change to the minutes text').toBe(settled + 1);
		registry.release(live);
	}, 15_000);

	it('is run when a document is loaded only if its tables may be behind it: never projected, or changed without a projection (a crash)', async () => {
		const c = counting(w.db);
		// First load: seeded, never projected.
		registry = new DocumentRegistry(c.db, DEFAULT_COLLAB_OPTIONS);
		registry.release(await registry.acquire(target));
		await registry.closeAll();
		const first = c.projections();
		expect(first, 'a seeded document is projected').toBe(1);

		// Loaded again as it was projected: nothing to do.
		registry = new DocumentRegistry(c.db, DEFAULT_COLLAB_OPTIONS);
		registry.release(await registry.acquire(target));
		await wait(600);
		await registry.closeAll();
		expect(c.projections(), 'tables current').toBe(first);

		// A change stored and never projected, as when the server is killed between the two.
		const stored = new Y.Doc();
		Y.applyUpdate(stored, (await w.db.selectFrom('collab_snapshots').select('state').where('doc_name', '=', target.name).executeTakeFirstOrThrow()).state);
		const changes: Uint8Array[] = [];
		stored.on('update', (u: Uint8Array) => changes.push(u));
		stored.get('root', Y.XmlText).insert(0, 'Beslut: ');
		await appendUpdates(
			w.db,
			changes.map((data) => ({ docName: target.name, data }))
		);
		registry = new DocumentRegistry(c.db, DEFAULT_COLLAB_OPTIONS);
		registry.release(await registry.acquire(target));
		await registry.closeAll();
		expect(c.projections(), 'tables behind the document').toBe(first + 1);
	}, 15_000);

	it('projects a document that keeps changing at most once per interval; flush projects the last change at once', async () => {
		const c = counting(w.db);
		const projector = new Projector(c.db, 10, 300);
		const doc = new Y.Doc();
		const started = Date.now();
		while (Date.now() - started < 1_000) {
			projector.schedule(target, doc);
			await wait(20);
		}
		const during = c.projections();
		expect(during, 'about one projection per 300 ms over one second').toBeGreaterThanOrEqual(2);
		expect(during).toBeLessThanOrEqual(4);
		// a last change inside the interval: flush (approval, unload) projects it now
		await projector.flushAll();
		const flushed = c.projections();
		projector.schedule(target, doc);
		await projector.flushAll();
		expect(c.projections(), 'the last change projected at once by flush').toBe(flushed + 1);
		doc.destroy();
	});

	it('projects a change made while another projection runs, without waiting for a further change', async () => {
		// every projection takes 200 ms: the other document's flush is still running when this one's turn comes
		let projections = 0;
		const slow: KyselyPlugin = {
			transformQuery: ({ node }: PluginTransformQueryArgs): RootOperationNode => {
				if (InsertQueryNode.is(node) && node.into?.table.identifier.name === 'minutes_text') projections++;
				return node;
			},
			transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => (await wait(200), result)
		};
		const projector = new Projector(w.db.withPlugin(slow), 10, 50);
		const otherId = await meeting(w.db, w.forumA, w.customerA, '2030-04-10T08:00:00Z', '2030-04-10T10:00:00Z');
		const other = await resolveDocument(w.db, { scope: 'meeting', id: otherId, kind: 'minutes' });
		const [doc, otherDoc] = [new Y.Doc(), new Y.Doc()];
		projector.schedule(other, otherDoc);
		const flushing = projector.flush(other.name);
		projector.schedule(target, doc);
		await flushing;
		// the projector pauses after a slow run (4× its time): allow for that, not for ever
		for (let waited = 0; projections < 2 && waited < 12_000; waited += 100) await wait(100);
		expect(projections, 'both documents projected').toBe(2);
		// the second run counted its insert and is still committing: let it end before the database closes
		await projector.flush(target.name);
		doc.destroy();
		otherDoc.destroy();
	}, 20_000);
});
