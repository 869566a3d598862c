/**
 * The bell across two app instances sharing one database and one Redis
 * (issue 16): a person has a page open on A and another on B; the agenda is
 * published on A. Exactly one instance's delivery worker claims her in-app
 * row, and through socket.io's Redis adapter both pages hear the new count;
 * reading on B tells the page on A too. Runs in the PostgreSQL project only
 * (helpers/scale-out.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { connected, roomClient, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';
import { runsScaleOut } from '../helpers/scale-out';

const REDIS_URL = process.env.TEST_REDIS_URL;
const READER = 'it@norrby.example';

describe.skipIf(!runsScaleOut())('the bell across two instances', () => {
	let a: TestServer;
	let b: TestServer;
	let meetingId: string;
	let admin: ApiClient;
	let reader: ApiClient;
	const sockets: RoomClient[] = [];
	const heard: Record<'a' | 'b', number[]> = { a: [], b: [] };

	beforeAll(async () => {
		if (!REDIS_URL) throw new Error('CI=true but TEST_REDIS_URL is not set');
		const env = { REDIS_URL, REDIS_PREFIX: `test-bell-${randomUUID()}`, NOTIFY_POLL_MS: '150' };
		a = await startServer({ demo: true, env });
		b = await startServer({ databaseUrl: a.databaseUrl, env });
		admin = await new ApiClient(a.url).login('admin@itmastaren.example');
		reader = await new ApiClient(a.url).login(READER);
		const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
		const norrby = customers.find((c) => c.name.startsWith('Norrby'))!.id;
		const forums = (await admin.json('GET', `/api/v1/customers/${norrby}/forums`)).body.forums as { id: string; templateKey: string; members: { email: string }[] }[];
		const forum = forums.find((f) => f.templateKey === 'operational')!;
		expect(forum.members.map((m) => m.email)).toContain(READER);
		meetingId = (await admin.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: 'Två instanser', startsAt: '2031-09-01T09:00', endsAt: '2031-09-01T10:00' })).body.meeting.id;
		await reader.json('POST', '/api/v1/me/notifications/read', { all: true });
		for (const [name, server] of [
			['a', a],
			['b', b]
		] as const) {
			const socket = roomClient(server.url, reader.sessionCookie);
			sockets.push(socket);
			socket.socket.on('notifications:changed', (e) => heard[name].push(e.unread));
			await connected(socket);
		}
	}, 120_000);

	afterAll(async () => {
		for (const s of sockets) s.close();
		await b?.stop();
		await a?.stop();
	});

	it('both of her pages hear the new count, whichever instance delivered it; reading on B tells A', async () => {
		expect((await admin.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(200);
		await expect.poll(() => [heard.a.at(-1), heard.b.at(-1)], { timeout: 10_000 }).toEqual([1, 1]);
		const onB = await new ApiClient(b.url).login(READER);
		expect((await onB.json('POST', '/api/v1/me/notifications/read', { all: true })).body).toEqual({ marked: 1, unread: 0 });
		await expect.poll(() => [heard.a.at(-1), heard.b.at(-1)], { timeout: 10_000 }).toEqual([0, 0]);
		// one row, pushed once: each page heard the rise once
		expect(heard.a.filter((n) => n === 1)).toHaveLength(1);
		expect(heard.b.filter((n) => n === 1)).toHaveLength(1);
	});
});
