/**
 * Durability: an update is committed before anyone else sees it, and a flush
 * barrier is answered only after commit. So after SIGKILL (no chance to flush
 * anything) and a restart on the same database, nothing that reached another
 * client or was confirmed by a barrier may be missing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { forumActionsDoc, meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { collabFixture } from '../helpers/collab-fixtures';
import { connectClient, eventually, synced, type CollabClient } from '../helpers/collab-client';
import { readStoredDoc } from '../helpers/collab-db';
import { startServer, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
const clients: CollabClient[] = [];

afterAll(async () => {
	for (const c of clients) c.destroy();
	for (const s of servers.reverse()) await s.stop().catch(() => {});
});

/** each test starts a server twice */
const RESTART_TIMEOUT = 60_000;

async function start(dataDir?: string) {
	const s = await startServer({ demo: true, dataDir });
	servers.push(s);
	return s;
}

function client(server: TestServer, docName: string, cookie: string) {
	const c = connectClient(server.url, docName, cookie);
	clients.push(c);
	return c;
}

describe('crash safety', () => {
	it('loses nothing relayed or confirmed when the server is killed mid-edit', async () => {
		const first = await start();
		const fx = await collabFixture(first);
		const name = meetingMinutesDoc(fx.meetingId);
		const writer = client(first, name, fx.supplier.sessionCookie);
		const watcher = client(first, name, fx.customerAdmin.sessionCookie);
		await Promise.all([synced(writer), synced(watcher)]);

		const items = writer.doc.getArray<string>('items');
		const confirmed: string[] = [];
		let stop = false;
		// Edit as fast as a keen typist, confirming every tenth edit with a barrier.
		const editing = (async () => {
			for (let i = 0; !stop; i++) {
				items.push([`w${i}`]);
				writer.doc.getText('body').insert(0, `${i} `);
				if (i % 10 === 9) {
					const upTo = items.toArray();
					await writer.flush().then(() => confirmed.push(...upTo.filter((x) => !confirmed.includes(x))), () => {});
				} else {
					await new Promise((r) => setTimeout(r, 3));
				}
			}
		})();
		await eventually(() => watcher.doc.getArray('items').length > 150, 20_000, 'edits to reach the watcher');
		await first.kill();
		stop = true;
		await editing;
		// Whatever reached the watcher was relayed, so it must have been committed first.
		const relayed = watcher.doc.getArray<string>('items').toArray();
		const relayedText = watcher.doc.getText('body').toString();
		writer.destroy();
		watcher.destroy();
		expect(confirmed.length).toBeGreaterThan(0);

		const second = await start(first.dataDir);
		const stored = await readStoredDoc(second.databaseUrl, name);
		const reader = client(second, name, fx.supplier.sessionCookie);
		await synced(reader);
		for (const doc of [stored, reader.doc]) {
			const after = doc.getArray<string>('items').toArray();
			expect(after.slice(0, relayed.length)).toEqual(relayed);
			for (const x of confirmed) expect(after).toContain(x);
			expect(doc.getText('body').toString().endsWith(relayedText)).toBe(true);
		}
	}, RESTART_TIMEOUT);

	it('commits everything on a graceful stop', async () => {
		const first = await start();
		const fx = await collabFixture(first);
		const name = forumActionsDoc(fx.forumId);
		const writer = client(first, name, fx.customerAdmin.sessionCookie);
		await synced(writer);
		const items = writer.doc.getArray<string>('items');
		for (let i = 0; i < 50; i++) items.push([`g${i}`]);
		await writer.flush();
		await first.stop({ keepData: true });
		writer.destroy();

		const second = await start(first.dataDir);
		const reader = client(second, name, fx.supplier.sessionCookie);
		await synced(reader);
		expect(reader.doc.getArray('items').length).toBe(50);
		await eventually(() => reader.provider.wsconnected, 1000, 'connected');
	}, RESTART_TIMEOUT);
});
