/**
 * Compaction, limits and re-authorization, on a server with small thresholds:
 * compact after 10 log rows, unload 200 ms after the last client, 200 kB per
 * document, open connections re-checked every 300 ms.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { forumActionsDoc, meetingAgendaDoc, meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { collabFixture, type CollabFixture } from '../helpers/collab-fixtures';
import { connectClient, eventually, eventuallyAsync, synced, type CollabClient } from '../helpers/collab-client';
import { logRowCount, readStoredDoc, snapshotBytes } from '../helpers/collab-db';
import { startServer, type TestServer } from '../helpers/server';
import { ApiClient } from '../helpers/api-client';

let server: TestServer;
let fx: CollabFixture;
const clients: CollabClient[] = [];

beforeAll(async () => {
	server = await startServer({
		demo: true,
		env: { COLLAB_COMPACT_AFTER_ROWS: '10', COLLAB_IDLE_UNLOAD_MS: '200', COLLAB_MAX_DOCUMENT_BYTES: '200000', COLLAB_RECHECK_MS: '300' }
	});
	fx = await collabFixture(server);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
});

function client(docName: string, cookie: string) {
	const c = connectClient(server.url, docName, cookie);
	clients.push(c);
	return c;
}

const content = (doc: Y.Doc) => ({
	body: doc.getText('body').toString(),
	items: doc.getArray('items').toJSON(),
	meta: doc.getMap('meta').toJSON()
});


describe('compaction', () => {
	it('leaves the content identical and collects deleted content', async () => {
		const name = meetingMinutesDoc(fx.meetingId);
		const a = client(name, fx.supplier.sessionCookie);
		const b = client(name, fx.customerAdmin.sessionCookie);
		await Promise.all([synced(a), synced(b)]);

		const bulky = 'x'.repeat(20_000);
		for (let i = 0; i < 60; i++) {
			const writer = i % 2 ? a : b;
			const body = writer.doc.getText('body');
			body.insert(body.length, `line ${i}\n`);
			if (i % 7 === 0) body.delete(0, 3);
			writer.doc.getArray('items').push([{ n: i }]);
			if (i % 5 === 0) writer.doc.getArray('items').delete(0, 1);
			writer.doc.getMap('meta').set(`k${i % 4}`, i);
			if (i === 10) body.insert(0, bulky);
			if (i === 20) body.delete(body.toString().indexOf('x'), bulky.length);
			await writer.flush();
		}
		// deep equality: a map's keys come out in the order each client learnt them
		await eventually(() => isDeepStrictEqual(content(a.doc), content(b.doc)), 5000, 'convergence');
		const expected = content(a.doc);
		expect(expected.body).not.toContain('xxxx');

		// Compaction ran while editing: far fewer log rows than the 60+ updates sent.
		expect(await logRowCount(server.databaseUrl, name)).toBeLessThan(35);
		expect(content(await readStoredDoc(server.databaseUrl, name))).toEqual(expected);

		// Everyone leaves: the document is compacted into its snapshot and unloaded.
		a.destroy();
		b.destroy();
		await eventuallyAsync(async () => (await logRowCount(server.databaseUrl, name)) === 0, 5000, 'final compaction');
		// The 20 kB that was inserted and deleted is gone from storage (a rebuilt doc collects it).
		expect(await snapshotBytes(server.databaseUrl, name)).toBeLessThan(10_000);
		expect(content(await readStoredDoc(server.databaseUrl, name))).toEqual(expected);

		// Loaded again from the snapshot alone: identical.
		const c = client(name, fx.customerAdmin.sessionCookie);
		await synced(c);
		expect(content(c.doc)).toEqual(expected);
	});
});

describe('limits', () => {
	it('closes a connection that would grow a document past its limit with 4507; others carry on', async () => {
		const name = forumActionsDoc(fx.forumId);
		const big = client(name, fx.supplier.sessionCookie);
		const other = client(name, fx.customerAdmin.sessionCookie);
		await Promise.all([synced(big), synced(other)]);
		big.doc.getText('body').insert(0, 'y'.repeat(300_000));
		expect((await big.closed).code).toBe(CloseCode.documentTooLarge);
		big.provider.disconnect();

		other.doc.getArray('items').push(['still fine']);
		await other.flush();
		const check = client(name, fx.supplier.sessionCookie);
		await synced(check);
		expect(check.doc.getArray('items').toArray()).toContain('still fine');
		expect(check.doc.getText('body').length).toBe(0);
	});

	it('unloads an idle document and loads it again intact', async () => {
		const name = meetingAgendaDoc(fx.meetingId);
		const a = client(name, fx.supplier.sessionCookie);
		await synced(a);
		const before = a.doc.getArray('items').toJSON();
		a.destroy();
		await new Promise((r) => setTimeout(r, 600));
		const b = client(name, fx.supplier.sessionCookie);
		await synced(b);
		expect(b.doc.getArray('items').toJSON()).toEqual(before);
	});
});

describe('re-authorization', () => {
	it('closes an open connection with 4401 once its session ends (logout)', async () => {
		const leaving = await new ApiClient(server.url).login('avtal@norrby.example');
		const c = client(forumActionsDoc(fx.forumId), leaving.sessionCookie);
		await synced(c);
		const cookie = leaving.sessionCookie;
		const res = await leaving.delete('/api/v1/session');
		expect(res.status).toBeLessThan(300);
		expect((await c.closed).code).toBe(CloseCode.unauthenticated);
		expect(cookie).not.toBe('');
	});

	it('reconnects a reader who becomes a forum member (4001) and then accepts their edits', async () => {
		const name = forumActionsDoc(fx.forumId);
		const reader = client(name, fx.reader.sessionCookie);
		const watcher = client(name, fx.supplier.sessionCookie);
		await Promise.all([synced(reader), synced(watcher)]);
		reader.doc.getArray<string>('items').push(['before joining']);
		await reader.flush();
		await new Promise((r) => setTimeout(r, 200));
		expect(watcher.doc.getArray('items').toArray()).not.toContain('before joining');

		const { body: me } = await fx.reader.json('GET', '/api/v1/me');
		const res = await fx.supplier.post(`/api/v1/forums/${fx.forumId}/members`, { personId: me.person.personId });
		expect(res.status).toBe(201);
		expect((await reader.closed).code).toBe(CloseCode.accessChanged);

		// The stock client reconnects by itself, now with write access; its pending
		// state (the edit made while reading only) is offered again and accepted.
		await eventually(() => watcher.doc.getArray('items').toArray().includes('before joining'), 10_000, 'edit after joining');
		await fx.supplier.delete(`/api/v1/forums/${fx.forumId}/members/${me.person.personId}`);
	});
});
