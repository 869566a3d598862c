/**
 * For the tests of access changes reaching open sockets: fresh people with a
 * login (so demo people stay as they are), and the check that a writer is cut
 * off at once: closed within a second, and an edit it makes right after the
 * change answered is neither relayed to an observer nor stored.
 */
import { expect } from 'vitest';
import { ApiClient } from './api-client';
import { eventually, synced, type CollabClient } from './collab-client';
import { connected, roomClient, until, type RoomClient } from './room-client';

/** how fast a change must reach open sockets */
export const PUSH_MS = 1_000;

let seq = 0;

export interface TestPerson {
	id: string;
	name: string;
	email: string;
	password: string;
	api: ApiClient;
}

/** A new person with a login: supplier staff, or a member of a customer (then optionally of a forum). */
export async function newPerson(baseUrl: string, admin: ApiClient, opts: { customerId?: string; forumId?: string } = {}): Promise<TestPerson> {
	const tag = `${Date.now().toString(36)}-${process.pid}-${++seq}`;
	const email = `access-${tag}@${opts.customerId ? 'kund' : 'itmastaren'}.example`;
	const password = 'first-password-1';
	const name = `Testperson ${tag}`;
	const path = opts.customerId ? `/api/v1/customers/${opts.customerId}/people` : '/api/v1/supplier/people';
	const created = await admin.json('POST', path, { name, email, access: opts.customerId ? 'customer_member' : 'supplier_staff', password });
	expect(created.status).toBe(201);
	const id: string = created.body.person.id;
	if (opts.forumId) expect((await admin.json('POST', `/api/v1/forums/${opts.forumId}/members`, { personId: id })).status).toBe(201);
	return { id, name, email, password, api: await new ApiClient(baseUrl).login(email, password) };
}

/** A room client joined to the meeting, with its state and rights in. */
export async function joinedRoom(baseUrl: string, cookie: string, meetingId: string): Promise<RoomClient> {
	const c = roomClient(baseUrl, cookie);
	await connected(c);
	expect(await c.join(meetingId)).toEqual({ ok: true });
	await until(() => c.state !== null && c.you !== null, 5_000, 'room state');
	return c;
}

const entries = (c: CollabClient) => c.doc.getArray<string>('access-push').toArray();

/**
 * A writer and an observer on one document: an edit before the change reaches
 * the observer; `change` is made (an HTTP call that answers once committed);
 * the writer's next edit goes out at once. The writer must be closed with
 * `code` within PUSH_MS of the answer, and that edit must reach neither the
 * observer nor the database (a client loading the document afterwards).
 * Returns the milliseconds from the answer to the close.
 */
export async function expectCutOff(opts: {
	writer: CollabClient;
	observer: CollabClient;
	change: () => Promise<void>;
	code: number;
	/** a fresh client of the document, to see what is stored */
	reload: () => CollabClient;
}): Promise<number> {
	const { writer, observer } = opts;
	await Promise.all([synced(writer), synced(observer)]);
	const tag = Math.random().toString(36).slice(2, 8);
	writer.doc.getArray<string>('access-push').push([`before-${tag}`]);
	await writer.flush();
	await eventually(() => entries(observer).includes(`before-${tag}`), 5_000, 'the edit before the change on the observer');

	await opts.change();
	const answeredAt = Date.now();
	writer.doc.getArray<string>('access-push').push([`after-${tag}`]);
	const closed = await Promise.race([writer.closed, new Promise<null>((r) => setTimeout(() => r(null), PUSH_MS * 3))]);
	const took = Date.now() - answeredAt;
	expect(closed?.code, 'the writer is closed').toBe(opts.code);
	expect(took, 'closed within a second of the change').toBeLessThan(PUSH_MS);

	// give a relay that should not happen the time to happen
	await new Promise((r) => setTimeout(r, 400));
	expect(entries(observer)).not.toContain(`after-${tag}`);
	const fresh = opts.reload();
	try {
		await synced(fresh);
		expect(entries(fresh)).toContain(`before-${tag}`);
		expect(entries(fresh), 'the edit after the change is not stored').not.toContain(`after-${tag}`);
	} finally {
		fresh.destroy();
	}
	return took;
}

/** When the room socket gets cut off: watch before the change. */
export function cutOffAt(room: RoomClient): Promise<number> {
	return new Promise((resolve) => room.socket.once('disconnect', () => resolve(Date.now())));
}

/** The room socket was cut off (after a room:error) within PUSH_MS of `since`; returns the milliseconds. */
export async function expectRoomCutOff(room: RoomClient, cutOff: Promise<number>, since: number): Promise<number> {
	const at = await Promise.race([cutOff, new Promise<null>((r) => setTimeout(() => r(null), PUSH_MS * 3))]);
	expect(at, 'the room socket is cut off').not.toBeNull();
	expect(room.errors.some((e) => e.code === 'unauthenticated')).toBe(true);
	const took = at! - since;
	expect(took, 'cut off within a second of the change').toBeLessThan(PUSH_MS);
	return took;
}
