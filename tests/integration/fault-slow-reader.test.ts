/**
 * A peer that never reads must not make the server buffer without bound. The
 * cheapest way to make a server send a lot: ask again and again for the whole
 * document (SyncStep1 with an empty state vector) and never read the answers.
 * The server must drop that peer once its unsent backlog passes the limit
 * (close 4508, then hang up), keep its own memory bounded, and keep serving
 * the peers that do read.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode, MessageType } from '../../src/lib/realtime/protocol';
import { twoWritersOnMinutes, type CollabFixture } from '../helpers/collab-fixtures';
import { eventually, rawSocket, type CollabClient } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let fx: CollabFixture;
let a: CollabClient;
let b: CollabClient;
let name: string;

beforeAll(async () => {
	server = await startServer({ demo: true });
	({ fx, name, a, b } = await twoWritersOnMinutes(server));
	// A document of about 800 KB, so that every full sync is that large.
	a.doc.getText('bulk').insert(0, 'x'.repeat(800 * 1024));
	await a.flush();
	await eventually(() => b.doc.getText('bulk').length > 0, 10_000, 'the bulk text at b');
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

/** 250 full syncs of ~800 KB: about 200 MB the server would hold for a peer that never reads. */
const REQUESTS = 250;

function syncStep1(): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.sync);
	encoding.writeVarUint(e, 0); // SyncStep1
	encoding.writeVarUint8Array(e, new Uint8Array([0])); // empty state vector: "send me everything"
	return encoding.toUint8Array(e);
}

describe('slow readers', () => {
	it('drops a peer that never reads, with bounded server memory, and keeps serving the others', async () => {
		// A read-only person: the attack needs no write access.
		const slow = rawSocket(server.url, name, fx.reader.sessionCookie);
		await slow.opened;
		// Stop reading: the kernel buffers fill, then everything would queue in the server.
		slow.ws.pause();

		const pid = server.process.pid!;
		const rssBefore = rssMb(pid);
		let rssMax = rssBefore;
		const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 20);
		let closedEarly = false;
		void slow.closed.then(() => (closedEarly = true));
		try {
			const request = syncStep1();
			for (let i = 0; i < REQUESTS && slow.ws.readyState === slow.ws.OPEN; i++) {
				slow.ws.send(request);
				if (i % 10 === 9) await new Promise((r) => setTimeout(r, 10));
			}
			// Give the server time to answer everything it was asked.
			await new Promise((r) => setTimeout(r, 1500));
			rssMax = Math.max(rssMax, rssMb(pid));
		} finally {
			clearInterval(sampler);
		}

		// It buffered at most its limit for the slow peer, not the ~200 MB asked for.
		expect(rssMax - rssBefore, `server RSS grew from ${rssBefore.toFixed(0)} MB to ${rssMax.toFixed(0)} MB`).toBeLessThan(60);

		// It hung up on the slow peer: reading again, the peer finds the connection closed.
		slow.ws.resume();
		const { code } = await Promise.race([slow.closed, new Promise<{ code: number }>((r) => setTimeout(() => r({ code: -1 }), 10_000))]);
		expect([CloseCode.tooSlow, 1006], `closed early: ${closedEarly}`).toContain(code);

		// Everyone else carries on.
		a.doc.getArray<string>('marks').push(['after the flood']);
		await a.flush();
		await eventually(() => b.doc.getArray('marks').toArray().includes('after the flood'), 5000, 'an edit after the flood');
		expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
	});
});
