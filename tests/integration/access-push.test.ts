/**
 * An ended session or changed access takes effect on open sockets at once
 * (issue 15 finding 4), and a duty change reaches open rooms live (issue 14
 * point 9). The server runs with COLLAB_RECHECK_MS at its default (30 s), so
 * only the pushed "access changed" event can explain a close within a second:
 *
 *   logout, a password change, a disabled account: the /collab writer is
 *   closed (4401) and its room socket cut off within a second;
 *   an API token revoked: its /collab writer is closed (4401);
 *   removed from the forum: the writer comes back read-only (4001), the room
 *   socket loses its vote;
 *   and in each case the edit made right after the change answered is neither
 *   relayed nor stored;
 *   the forum's chair changed through the API while a room is open: both
 *   participants see the new chair, the old chair's controls are gone and his
 *   next one is refused naming the new chair;
 *   the access decisions the collab server keeps for new connections
 *   (access-cache.ts, kept for the re-check interval) are forgotten at once:
 *   a connection opened right after the change gets the new access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { ApiClient } from '../helpers/api-client';
import { cutOffAt, expectCutOff, expectRoomCutOff, joinedRoom, newPerson, PUSH_MS, type TestPerson } from '../helpers/access-push';
import { connectClient, synced, type CollabClient } from '../helpers/collab-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let admin: ApiClient;
let customerId: string;
let forumId: string;
let meetingId: string;
let minutes: string;
const collab: CollabClient[] = [];
const rooms: RoomClient[] = [];
/** measured: change answered → socket closed, per case */
const measured: Record<string, number> = {};

const client = (cookie: string, opts: Parameters<typeof connectClient>[3] = {}) => {
	const c = connectClient(server.url, minutes, cookie, opts);
	collab.push(c);
	return c;
};
const room = async (person: { api: ApiClient }) => {
	const r = await joinedRoom(server.url, person.api.sessionCookie, meetingId);
	rooms.push(r);
	return r;
};
const reload = () => connectClient(server.url, minutes, admin.sessionCookie);

beforeAll(async () => {
	// COLLAB_RECHECK_MS deliberately not set: the periodic re-check is 30 s away
	server = await startServer({ demo: true });
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	const ids = await demoIds(server.url);
	const norrby = ids.customers[NORRBY];
	customerId = norrby.id;
	forumId = norrby.forums.tactical.id;
	meetingId = norrby.meetings[forumId][0];
	minutes = meetingMinutesDoc(meetingId);
}, 90_000);

afterAll(async () => {
	for (const c of collab) c.destroy();
	for (const r of rooms) r.close();
	console.log(`access-push: change answered → socket closed (ms): ${JSON.stringify(measured)}`);
	await server?.stop();
});

describe('an ended session closes open sockets within a second', () => {
	it('logout: the writer is closed (4401), its edit after the logout is neither relayed nor stored, the room socket is cut off', async () => {
		const p = await newPerson(server.url, admin);
		const writer = client(p.api.sessionCookie);
		const r = await room(p);
		const cut = cutOffAt(r);
		let loggedOutAt = 0;
		measured.logout = await expectCutOff({
			writer,
			observer: client(admin.sessionCookie),
			reload,
			code: CloseCode.unauthenticated,
			change: async () => {
				expect((await p.api.request('DELETE', '/api/v1/session')).status).toBe(204);
				loggedOutAt = Date.now();
			}
		});
		measured.logoutRoom = await expectRoomCutOff(r, cut, loggedOutAt);
	});

	it('password changed by an admin: the writer is closed (4401) and its edit is not kept, the room socket is cut off', async () => {
		const p = await newPerson(server.url, admin);
		const writer = client(p.api.sessionCookie);
		const r = await room(p);
		const cut = cutOffAt(r);
		let changedAt = 0;
		measured.password = await expectCutOff({
			writer,
			observer: client(admin.sessionCookie),
			reload,
			code: CloseCode.unauthenticated,
			change: async () => {
				expect((await admin.json('PATCH', `/api/v1/people/${p.id}`, { password: 'second-password-2' })).status).toBe(200);
				changedAt = Date.now();
			}
		});
		measured.passwordRoom = await expectRoomCutOff(r, cut, changedAt);
	});

	it('account disabled: the writer is closed (4401) and its edit is not kept, the room socket is cut off', async () => {
		const p = await newPerson(server.url, admin);
		const writer = client(p.api.sessionCookie);
		const r = await room(p);
		const cut = cutOffAt(r);
		let disabledAt = 0;
		measured.disabled = await expectCutOff({
			writer,
			observer: client(admin.sessionCookie),
			reload,
			code: CloseCode.unauthenticated,
			change: async () => {
				expect((await admin.json('PATCH', `/api/v1/people/${p.id}`, { disabled: true })).status).toBe(200);
				disabledAt = Date.now();
			}
		});
		measured.disabledRoom = await expectRoomCutOff(r, cut, disabledAt);
	});

	it('API token revoked: the integration writing with it is closed (4401) and its edit is not kept', async () => {
		const created = await admin.json('POST', `/api/v1/customers/${customerId}/api-tokens`, { name: 'Protokollrobot', scopes: ['documents:write'] });
		expect(created.status).toBe(201);
		const writer = client('', { bearer: created.body.secret as string });
		measured.token = await expectCutOff({
			writer,
			observer: client(admin.sessionCookie),
			reload,
			code: CloseCode.unauthenticated,
			change: async () => {
				expect((await admin.request('DELETE', `/api/v1/customers/${customerId}/api-tokens/${created.body.token.id}`)).status).toBe(204);
			}
		});
	});
});

describe('decisions kept for new connections are forgotten at once', () => {
	it('removed from the forum: the next connection only reads; logged out: the next one is refused (4401)', async () => {
		const p = await newPerson(server.url, admin, { customerId, forumId });
		const first = client(p.api.sessionCookie);
		await synced(first);
		// the same person's next connection is decided from what the first one read
		const second = client(p.api.sessionCookie);
		await synced(second);
		second.doc.getMap('cache-test').set(p.id, 'member');
		expect(await second.flush(), 'a forum member writes').toBe('saved');

		expect((await admin.request('DELETE', `/api/v1/forums/${forumId}/members/${p.id}`)).status).toBe(204);
		const afterRemoval = client(p.api.sessionCookie);
		await synced(afterRemoval);
		afterRemoval.doc.getMap('cache-test').set(p.id, 'no longer a member');
		expect(await afterRemoval.flush(), 'opened right after the removal: read-only').toBe('dropped');

		expect((await p.api.request('DELETE', '/api/v1/session')).status).toBe(204);
		const afterLogout = client(p.api.sessionCookie);
		const closed = await Promise.race([afterLogout.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), PUSH_MS * 3))]);
		expect(closed?.code, 'opened right after the logout: refused').toBe(CloseCode.unauthenticated);
	});
});

describe('a changed forum reaches open sockets within a second', () => {
	it('removed from the forum: the writer comes back read-only (4001) and its edit is not kept; the room socket loses its vote', async () => {
		const p = await newPerson(server.url, admin, { customerId, forumId });
		const writer = client(p.api.sessionCookie);
		const r = await room(p);
		expect(r.you?.canVote, 'a forum member votes').toBe(true);
		const voteGone = new Promise<number>((resolve) => r.socket.on('room:you', (y) => !y.canVote && resolve(Date.now())));
		let removedAt = 0;
		measured.removed = await expectCutOff({
			writer,
			observer: client(admin.sessionCookie),
			reload,
			code: CloseCode.accessChanged,
			change: async () => {
				expect((await admin.request('DELETE', `/api/v1/forums/${forumId}/members/${p.id}`)).status).toBe(204);
				removedAt = Date.now();
			}
		});
		const gone = await Promise.race([voteGone, new Promise<null>((resolve) => setTimeout(() => resolve(null), PUSH_MS * 3))]);
		expect(gone, 'the room socket told its vote is gone').not.toBeNull();
		measured.removedRoom = gone! - removedAt;
		expect(measured.removedRoom, 'within a second of the change').toBeLessThan(PUSH_MS);
		expect(r.you?.canVote).toBe(false);
		// still in the room (the customer's people follow every meeting), without the member's rights
		expect(r.socket.connected).toBe(true);
	});

	it('the chair changed on the forum (API) while the room is open: both see the new chair, the old chair is refused by name', async () => {
		const oldChair = await newPerson(server.url, admin, { customerId, forumId });
		const newChair = await newPerson(server.url, admin, { customerId, forumId });
		const setChair = (p: TestPerson) => admin.json('PUT', `/api/v1/forums/${forumId}/duties/chair`, { party: 'customer', personId: p.id });
		expect((await setChair(oldChair)).status).toBe(200);
		const old = await room(oldChair);
		const next = await room(newChair);
		const chairOf = (r: RoomClient) => r.state?.duties.find((d) => d.duty === 'chair')?.personId;
		expect(old.you?.canRun, 'the old chair runs the meeting').toBe(true);
		expect(chairOf(next)).toBe(oldChair.id);

		expect((await setChair(newChair)).status).toBe(200);
		const changedAt = Date.now();
		await until(() => chairOf(old) === newChair.id && chairOf(next) === newChair.id && old.you?.canRun === false && next.you?.canRun === true, PUSH_MS, 'both rooms with the new chair within a second');
		measured.chair = Date.now() - changedAt;

		const refused = await old.send('timer:restart', {});
		expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', holder: { duty: 'chair', personId: newChair.id, personName: newChair.name } } });
		expect(old.errors.at(-1)?.holder?.personName).toBe(newChair.name);
	});
});
