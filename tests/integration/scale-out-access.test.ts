/**
 * Access changes made on one instance reach the open sockets of another at
 * once, through Redis (issue 15 finding 4, issue 14 point 9): two instances
 * on one database and one Redis, COLLAB_RECHECK_MS at its default (30 s), so
 * only the pushed event can explain what B does within a second:
 *
 *   a logout on A closes the person's /collab writer on B (4401) and cuts off
 *   their room socket on B; the edit made right after the logout is neither
 *   relayed nor stored;
 *   the forum's chair changed on A (API): the participants on B and on A see
 *   the new chair, and the old chair on B is refused naming the new one.
 *
 * Runs in the PostgreSQL project of the suite (helpers/scale-out.ts) and needs
 * TEST_REDIS_URL: skipped without it on a developer's machine, failed on CI.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { ApiClient } from '../helpers/api-client';
import { cutOffAt, expectCutOff, expectRoomCutOff, joinedRoom, newPerson, PUSH_MS, type TestPerson } from '../helpers/access-push';
import { connectClient, type CollabClient } from '../helpers/collab-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { until, type RoomClient } from '../helpers/room-client';
import { runsScaleOut } from '../helpers/scale-out';
import { startServer, type TestServer } from '../helpers/server';

const REDIS_URL = process.env.TEST_REDIS_URL;

describe.skipIf(!runsScaleOut())('access changes across two instances', () => {
	let a: TestServer;
	let b: TestServer;
	let admin: ApiClient;
	let customerId: string;
	let forumId: string;
	let meetingId: string;
	let minutes: string;
	const collab: CollabClient[] = [];
	const rooms: RoomClient[] = [];
	const measured: Record<string, number> = {};

	const client = (server: TestServer, cookie: string) => {
		const c = connectClient(server.url, minutes, cookie);
		collab.push(c);
		return c;
	};
	const room = async (server: TestServer, p: { api: ApiClient }) => {
		const r = await joinedRoom(server.url, p.api.sessionCookie, meetingId);
		rooms.push(r);
		return r;
	};

	beforeAll(async () => {
		if (!REDIS_URL) throw new Error('CI=true but TEST_REDIS_URL is not set: start the services with eval "$(bash .ci/services)"');
		// COLLAB_RECHECK_MS deliberately not set (30 s); one Redis namespace per installation
		const env = { REDIS_URL, REDIS_PREFIX: `test-access-${randomUUID()}` };
		a = await startServer({ demo: true, env: { ...env, INSTANCE_ID: 'A' } });
		b = await startServer({ databaseUrl: a.databaseUrl, env: { ...env, INSTANCE_ID: 'B' } });
		admin = await new ApiClient(a.url).login('admin@itmastaren.example');
		const norrby = (await demoIds(a.url)).customers[NORRBY];
		customerId = norrby.id;
		forumId = norrby.forums.tactical.id;
		meetingId = norrby.meetings[forumId][0];
		minutes = meetingMinutesDoc(meetingId);
	}, 120_000);

	afterAll(async () => {
		for (const c of collab) c.destroy();
		for (const r of rooms) r.close();
		console.log(`scale-out-access: change on A answered → effect on B (ms): ${JSON.stringify(measured)}`);
		// B first: A owns the database and drops it
		await b?.stop().catch(() => {});
		await a?.stop().catch(() => {});
	});

	it('a logout on A closes the writer on B (4401) and cuts off the room socket on B within a second', async () => {
		// sessions live in the database: the login on A holds on B
		const p = await newPerson(a.url, admin);
		const r = await room(b, p);
		const cut = cutOffAt(r);
		let loggedOutAt = 0;
		measured.logout = await expectCutOff({
			writer: client(b, p.api.sessionCookie),
			observer: client(b, admin.sessionCookie),
			reload: () => connectClient(a.url, minutes, admin.sessionCookie),
			code: CloseCode.unauthenticated,
			change: async () => {
				expect((await p.api.request('DELETE', '/api/v1/session')).status).toBe(204);
				loggedOutAt = Date.now();
			}
		});
		measured.logoutRoom = await expectRoomCutOff(r, cut, loggedOutAt);
	});

	it('the chair changed on A: participants on A and B see the new chair within a second, the old chair on B is refused by name', async () => {
		const oldChair = await newPerson(a.url, admin, { customerId, forumId });
		const newChair = await newPerson(a.url, admin, { customerId, forumId });
		const setChair = (p: TestPerson) => admin.json('PUT', `/api/v1/forums/${forumId}/duties/chair`, { party: 'customer', personId: p.id });
		expect((await setChair(oldChair)).status).toBe(200);
		const oldOnB = await room(b, oldChair);
		const newOnA = await room(a, newChair);
		const chairOf = (r: RoomClient) => r.state?.duties.find((d) => d.duty === 'chair')?.personId;
		expect(oldOnB.you?.canRun).toBe(true);

		expect((await setChair(newChair)).status).toBe(200);
		const changedAt = Date.now();
		await until(() => chairOf(oldOnB) === newChair.id && oldOnB.you?.canRun === false, PUSH_MS, 'the new chair on B within a second');
		measured.chairOnB = Date.now() - changedAt;
		await until(() => chairOf(newOnA) === newChair.id && newOnA.you?.canRun === true, PUSH_MS, 'the new chair on A within a second');

		const refused = await oldOnB.send('timer:restart', {});
		expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', holder: { duty: 'chair', personId: newChair.id, personName: newChair.name } } });
	});
});
