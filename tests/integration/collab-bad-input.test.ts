/**
 * Bad input closes only the connection that sent it: random bytes, truncated
 * varints, unknown message types, undecodable updates, text frames and
 * oversized frames. Meanwhile two well-behaved clients keep editing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode, MAX_MESSAGE_BYTES } from '../../src/lib/realtime/protocol';
import { twoWritersOnMinutes, type CollabFixture } from '../helpers/collab-fixtures';
import { connectClient, eventually, rawSocket, synced, type CollabClient } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let fx: CollabFixture;
let a: CollabClient;
let b: CollabClient;
let name: string;

beforeAll(async () => {
	server = await startServer({ demo: true });
	({ fx, name, a, b } = await twoWritersOnMinutes(server));
});

afterAll(async () => {
	a?.destroy();
	b?.destroy();
	await server?.stop();
});

const bytes = (...xs: number[]) => new Uint8Array(xs);
function frame(write: (e: encoding.Encoder) => void): Uint8Array {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
}

let round = 0;
/** Sends one bad frame on its own connection; checks the close code and that a and b still co-edit. */
async function expectClosedAlone(payload: Uint8Array | string, code: number | number[]) {
	const s = rawSocket(server.url, name, fx.supplier.sessionCookie);
	await s.opened;
	s.ws.send(payload);
	expect([code].flat()).toContain((await s.closed).code);
	const marker = `ok${round++}`;
	a.doc.getArray<string>('marks').push([marker]);
	await a.flush();
	await eventually(() => b.doc.getArray('marks').toArray().includes(marker), 5000, `edit after bad frame ${marker}`);
	expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
}

describe('bad frames', () => {
	it('closes on an empty frame and on a truncated varint', async () => {
		await expectClosedAlone(bytes(), CloseCode.badMessage);
		await expectClosedAlone(bytes(0x80), CloseCode.badMessage);
		await expectClosedAlone(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), CloseCode.badMessage);
	});

	it('closes on unknown message types and sync steps', async () => {
		await expectClosedAlone(bytes(7), CloseCode.badMessage);
		await expectClosedAlone(bytes(2, 0), CloseCode.badMessage); // auth: clients never send it
		await expectClosedAlone(bytes(0, 9, 0), CloseCode.badMessage);
	});

	it('closes on truncated and undecodable updates without storing them', async () => {
		await expectClosedAlone(bytes(0, 2, 10, 1, 2), CloseCode.badMessage); // declares 10 bytes, has 2
		await expectClosedAlone(frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, randomBytes(64)); }), CloseCode.badMessage);
		await expectClosedAlone(frame((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, randomBytes(32)); }), CloseCode.badMessage);
	});

	it('closes on random garbage, many times over', async () => {
		for (let i = 0; i < 20; i++) {
			// Force a sync update (0, 2) or an awareness frame around random bytes, or send them raw.
			const junk = randomBytes(1 + (i * 37) % 200);
			const payload = i % 3 === 0 ? junk : i % 3 === 1 ? Buffer.concat([bytes(0, 2, junk.length), junk]) : Buffer.concat([bytes(1), junk]);
			const s = rawSocket(server.url, name, fx.supplier.sessionCookie);
			await s.opened;
			s.ws.send(payload);
			// Random bytes may by chance form a harmless message; most must close.
			const outcome = await Promise.race([s.closed.then((c) => c.code), new Promise<number>((r) => setTimeout(() => r(0), 500))]);
			if (outcome !== 0) expect([CloseCode.badMessage, CloseCode.messageTooLarge]).toContain(outcome);
			s.ws.terminate();
		}
		await expectClosedAlone(bytes(42, 42, 42), CloseCode.badMessage);
	});

	it('closes on a text frame', async () => {
		await expectClosedAlone('hello', CloseCode.badMessage);
	});

	it('closes on a message above the size limit with 4413, and far above it at the frame level', async () => {
		await expectClosedAlone(new Uint8Array(MAX_MESSAGE_BYTES + 10), CloseCode.messageTooLarge);
		// Beyond twice the limit ws refuses the frame before buffering it (1009). It drops
		// the socket right after its close frame, and the sender, still busy sending,
		// may miss that frame and see an abnormal close (1006) instead.
		await expectClosedAlone(new Uint8Array(MAX_MESSAGE_BYTES * 2 + 10), [1009, 1006]);
	});

	it('keeps serving: the server is up and the document intact', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		const c = connectClient(server.url, name, fx.customerAdmin.sessionCookie);
		await synced(c);
		expect(c.doc.getArray('marks').length).toBe(round);
		c.destroy();
	});
});
