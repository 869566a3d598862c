/**
 * kill -9 while 20 people edit one document (extends collab-durability, which
 * has one writer). Each client appends its own items and asks for a flush
 * barrier now and then. After SIGKILL and a restart on the same database:
 *   - every item any client received from another client was relayed, so it
 *     must be stored (durable before relay);
 *   - every item a client's barrier confirmed must be stored.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { meetingAgendaDoc } from '../../src/lib/realtime/doc-names';
import { collabFixture } from '../helpers/collab-fixtures';
import { connectClient, eventually, synced, type CollabClient } from '../helpers/collab-client';
import { readStoredDoc } from '../helpers/collab-db';
import { startServer, type TestServer } from '../helpers/server';

const CLIENTS = 20;
const servers: TestServer[] = [];
const clients: CollabClient[] = [];

afterAll(async () => {
	for (const c of clients) c.destroy();
	for (const s of servers.reverse()) await s.stop().catch(() => {});
});

describe('kill -9 under load', () => {
	it('keeps every relayed or confirmed update of 20 concurrent editors', async () => {
		const first = await startServer({ demo: true });
		servers.push(first);
		const fx = await collabFixture(first);
		// The agenda: a document the seed fills, so the test also covers a seeded snapshot plus a log.
		const name = meetingAgendaDoc(fx.meetingId);
		const cookies = [fx.supplier.sessionCookie, fx.customerAdmin.sessionCookie];
		for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(first.url, name, cookies[i % 2]));
		await Promise.all(clients.map((c) => synced(c)));

		const confirmed = new Set<string>();
		let stop = false;
		const editing = clients.map(async (c, n) => {
			const items = c.doc.getArray<string>('fault');
			for (let i = 0; !stop; i++) {
				items.push([`c${n}-${i}`]);
				if (i % 5 === 4) {
					const upTo = items.toArray().filter((x) => x.startsWith(`c${n}-`));
					await c.flush().then(
						() => upTo.forEach((x) => confirmed.add(x)),
						() => {}
					);
				} else {
					await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
				}
			}
		});
		// Kill while everyone is mid-stream: once plenty has gone around.
		await eventually(() => clients.every((c) => c.doc.getArray('fault').length > 400), 30_000, 'edits to go around');
		await first.kill();
		stop = true;
		await Promise.all(editing);

		// What each client got from the others was relayed by the server.
		const relayed = new Set<string>();
		clients.forEach((c, n) => {
			for (const x of c.doc.getArray<string>('fault').toArray()) if (!x.startsWith(`c${n}-`)) relayed.add(x);
		});
		for (const c of clients) c.destroy();
		expect(confirmed.size).toBeGreaterThan(CLIENTS);
		expect(relayed.size).toBeGreaterThan(200);

		const second = await startServer({ demo: true, dataDir: first.dataDir });
		servers.push(second);
		const stored = new Set((await readStoredDoc(second.databaseUrl, name)).getArray<string>('fault').toArray());
		const missingRelayed = [...relayed].filter((x) => !stored.has(x));
		const missingConfirmed = [...confirmed].filter((x) => !stored.has(x));
		expect(missingRelayed, 'relayed but not stored').toEqual([]);
		expect(missingConfirmed, 'confirmed but not stored').toEqual([]);

		// And the restarted server serves exactly that.
		const reader = connectClient(second.url, name, fx.supplier.sessionCookie);
		clients.push(reader);
		await synced(reader);
		expect(new Set(reader.doc.getArray<string>('fault').toArray())).toEqual(stored);
	}, 90_000);
});
