/**
 * A peer that never reads must not make the server buffer without bound. A
 * flooder sends presence (awareness) updates of 256 KiB each, which the server
 * relays to every peer of the document; one peer has stopped reading (its
 * socket is paused, so TCP pushes back). The server must drop that peer once
 * its send buffer passes the limit, keep its own memory bounded, and keep
 * serving the peers that do read.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode, MessageType } from '../../src/lib/realtime/protocol';
import { collabFixture, type CollabFixture } from '../helpers/collab-fixtures';
import { connectClient, eventually, rawSocket, synced, type CollabClient } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let fx: CollabFixture;
let a: CollabClient;
let b: CollabClient;
let name: string;

beforeAll(async () => {
	server = await startServer({ demo: true });
	fx = await collabFixture(server);
	name = meetingMinutesDoc(fx.meetingId);
	a = connectClient(server.url, name, fx.supplier.sessionCookie);
	b = connectClient(server.url, name, fx.customerAdmin.sessionCookie);
	await Promise.all([synced(a), synced(b)]);
});

afterAll(async () => {
	a?.destroy();
	b?.destroy();
	await server?.stop();
});

function rssMb(pid: number): number {
	const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) / 1024 : NaN;
}

const FRAME_BYTES = 256 * 1024;
const FRAMES = 400; // 100 MiB relayed to every peer

describe('slow readers', () => {
	it('drops a peer that never reads, with bounded server memory, and keeps serving the others', async () => {
		const slow = rawSocket(server.url, name, fx.reader.sessionCookie);
		await slow.opened;
		// Stop reading: the kernel buffers fill, then everything queues in the server.
		slow.ws.pause();

		const flooder = rawSocket(server.url, name, fx.supplier.sessionCookie);
		await flooder.opened;
		const presence = new awarenessProtocol.Awareness(new Y.Doc());
		const pid = server.process.pid!;
		const rssBefore = rssMb(pid);
		let rssMax = rssBefore;
		const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 50);
		try {
			for (let i = 0; i < FRAMES; i++) {
				presence.setLocalState({ user: { name: 'flood' }, blob: String(i % 10).repeat(FRAME_BYTES) });
				const e = encoding.createEncoder();
				encoding.writeVarUint(e, MessageType.awareness);
				encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID]));
				flooder.ws.send(encoding.toUint8Array(e));
				// Let the sender's own buffer drain so the flood reaches the server in full.
				while (flooder.ws.bufferedAmount > 4 * FRAME_BYTES) await new Promise((r) => setTimeout(r, 2));
			}
			// The peers that read got the last presence state: everything was relayed.
			await eventually(
				() => (a.provider.awareness.getStates().get(presence.clientID) as { blob?: string } | undefined)?.blob?.[0] === String((FRAMES - 1) % 10),
				30_000,
				'the last presence update to reach a reading peer'
			);
		} finally {
			clearInterval(sampler);
			presence.destroy();
		}

		// The server buffered at most its limit for the slow peer (plus transient garbage),
		// not the 100 MiB it was sent.
		expect(rssMax - rssBefore, `server RSS grew from ${rssBefore.toFixed(0)} MB to ${rssMax.toFixed(0)} MB`).toBeLessThan(60);

		// It hung up on the slow peer: reading again, it finds the connection closed.
		slow.ws.resume();
		const { code } = await Promise.race([slow.closed, new Promise<{ code: number }>((r) => setTimeout(() => r({ code: -1 }), 15_000))]);
		expect([CloseCode.tooSlow, 1006]).toContain(code);

		// Everyone else carries on.
		flooder.ws.close();
		a.doc.getArray<string>('marks').push(['after the flood']);
		await a.flush();
		await eventually(() => b.doc.getArray('marks').toArray().includes('after the flood'), 5000, 'an edit after the flood');
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
	});
});
