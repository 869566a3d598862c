/**
 * Presence cannot be forged and "saved" is never said for dropped edits
 * (issue 15, findings 5 and 8), with stock y-websocket clients on the real
 * server:
 *   - the identity fields (name, side, colour) every peer sees are the
 *     server's, whatever a client writes there;
 *   - a connection's entries are taken only for the client ids it introduced:
 *     a read-only member cannot overwrite or remove another person's entry;
 *   - a presence state above the limit closes the connection with 4413 and
 *     reaches nobody;
 *   - the flush barrier answers a read-only connection with "dropped".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { colorFor } from '../../src/lib/realtime/presence';
import { CloseCode, MAX_PRESENCE_STATE_BYTES } from '../../src/lib/realtime/protocol';
import type { ApiClient } from '../helpers/api-client';
import { collabFixture, type CollabFixture } from '../helpers/collab-fixtures';
import { awarenessFrame, connectClient, eventually, rawSocket, synced, type CollabClient } from '../helpers/collab-client';
import { readStoredDoc } from '../helpers/collab-db';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let fx: CollabFixture;
let name: string;
const clients: CollabClient[] = [];
type Person = { personId: string; name: string };
let admin: Person;
let reader: Person;

function client(cookie: string) {
	const c = connectClient(server.url, name, cookie);
	clients.push(c);
	return c;
}
const me = async (api: ApiClient): Promise<Person> => (await api.json('GET', '/api/v1/me')).body.person;
type Shown = { name?: string; color?: string; awarenessData?: { personId?: string; side?: string }; marker?: number; cursor?: unknown };
const shownOn = (c: CollabClient, clientId: number) => c.provider.awareness.getStates().get(clientId) as Shown | undefined;

beforeAll(async () => {
	server = await startServer({ demo: true });
	fx = await collabFixture(server);
	name = meetingMinutesDoc(fx.meetingId);
	[admin, reader] = await Promise.all([me(fx.supplier), me(fx.reader)]);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
});

describe('presence identity', () => {
	it("shows the signed-in person's name, side and colour, not what the client claims", async () => {
		const observer = client(fx.customerAdmin.sessionCookie);
		const forger = client(fx.reader.sessionCookie);
		await Promise.all([synced(observer), synced(forger)]);
		// a read-only member claims to be the supplier's admin
		forger.provider.awareness.setLocalState({ name: admin.name, color: '#000000', awarenessData: { personId: admin.personId, side: 'supplier' }, cursor: { index: 2 } });
		await eventually(() => shownOn(observer, forger.doc.clientID)?.cursor !== undefined, 5000, "the forger's presence at the observer");
		expect(shownOn(observer, forger.doc.clientID)).toEqual({
			name: reader.name,
			color: colorFor(reader.personId),
			awarenessData: { personId: reader.personId, side: 'customer' },
			cursor: { index: 2 }
		});
	});
});

describe('forged entries', () => {
	it("drops a read-only member's entries for another connection's client id: nothing overwritten, nothing removed", async () => {
		const victim = client(fx.supplier.sessionCookie);
		const observer = client(fx.customerAdmin.sessionCookie);
		const forger = client(fx.reader.sessionCookie);
		await Promise.all([synced(victim), synced(observer), synced(forger)]);
		victim.provider.awareness.setLocalStateField('cursor', { index: 7 });
		await eventually(() => shownOn(observer, victim.doc.clientID)?.cursor !== undefined, 5000, "the victim's presence");
		const before = shownOn(observer, victim.doc.clientID);
		expect(before?.name).toBe(admin.name);
		const clock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;

		// the victim's id, with newer clocks than the victim's own: a new state, then a removal
		const ws = forger.provider.ws!;
		ws.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: clock + 10, state: { name: 'Förfalskad', awarenessData: { personId: admin.personId, side: 'supplier' }, cursor: { index: 0 } } }]));
		ws.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: clock + 20, state: null }]));
		// then something of its own on the same connection: once the observer has it, the forgeries were handled
		forger.provider.awareness.setLocalStateField('marker', 1);
		await eventually(() => shownOn(observer, forger.doc.clientID)?.marker === 1, 5000, "the forger's own marker");

		expect(shownOn(observer, victim.doc.clientID), "the victim's entry at the observer").toEqual(before);
		expect(shownOn(victim, victim.doc.clientID)?.cursor).toEqual({ index: 7 });
		// a newcomer gets the server's list: the victim's entry, untouched
		const late = client(fx.customerAdmin.sessionCookie);
		await synced(late);
		await eventually(() => shownOn(late, victim.doc.clientID) !== undefined, 5000, "the victim's presence for a newcomer");
		expect(shownOn(late, victim.doc.clientID)).toEqual(before);
		// dropped, not refused: the forger is still connected (the stock client echoes others' presence)
		expect(forger.provider.wsconnected).toBe(true);
		// the victim's own changes still go through
		victim.provider.awareness.setLocalStateField('cursor', { index: 8 });
		await eventually(() => (shownOn(observer, victim.doc.clientID)?.cursor as { index?: number } | undefined)?.index === 8, 5000, "the victim's next cursor");
	});

	it('refuses a presence state above the limit with 4413 and relays none of it', async () => {
		const observer = client(fx.customerAdmin.sessionCookie);
		await synced(observer);
		const s = rawSocket(server.url, name, fx.reader.sessionCookie);
		await s.opened;
		const bigId = 987_654_321;
		s.ws.send(awarenessFrame([{ clientId: bigId, clock: 1, state: { name: 'x', blob: 'x'.repeat(900 * 1024) } }]));
		expect((await s.closed).code).toBe(CloseCode.messageTooLarge);
		// within the limit with the identity fields the server writes in is fine, from
		// another connection: a marker that the observer is up to date
		const ok = rawSocket(server.url, name, fx.reader.sessionCookie);
		await ok.opened;
		const okId = 987_654_322;
		ok.ws.send(awarenessFrame([{ clientId: okId, clock: 1, state: { blob: 'x'.repeat(MAX_PRESENCE_STATE_BYTES - 400) } }]));
		await eventually(() => shownOn(observer, okId) !== undefined, 5000, 'the state within the limit');
		expect(shownOn(observer, okId)?.name).toBe(reader.name);
		expect(observer.provider.awareness.getStates().has(bigId)).toBe(false);
		// just under the limit as sent, over it with the identity fields: refused too
		ok.ws.send(awarenessFrame([{ clientId: okId, clock: 2, state: { blob: 'y'.repeat(MAX_PRESENCE_STATE_BYTES - 20) } }]));
		expect((await ok.closed).code).toBe(CloseCode.messageTooLarge);
		// and the stock clients (which echo every presence they receive) were never cut off
		expect(observer.provider.wsconnected).toBe(true);
	});
});

describe('flush barrier outcome', () => {
	it('answers "dropped" to a read-only connection, "saved" to a writer', async () => {
		const writer = client(fx.customerAdmin.sessionCookie);
		const readOnly = client(fx.reader.sessionCookie);
		await Promise.all([synced(writer), synced(readOnly)]);
		readOnly.doc.getArray<string>('presence-test').push(['från läsaren']);
		expect(await readOnly.flush()).toBe('dropped');
		// nothing to save is still not "saved" for a reader
		expect(await readOnly.flush()).toBe('dropped');
		writer.doc.getArray<string>('presence-test').push(['från skribenten']);
		expect(await writer.flush()).toBe('saved');
		const stored = await readStoredDoc(server.databaseUrl, name);
		expect(stored.getArray('presence-test').toArray()).toEqual(['från skribenten']);
	});
});
