/**
 * 5,000 fuzzed and malformed frames (FUZZ_FRAMES) against /collab (extends collab-bad-input,
 * which has one hand-written frame per kind): truncated varints, wrong message
 * types and sync steps, huge declared lengths, random bytes, truncated and
 * bit-flipped real updates, malformed presence, and valid frames in between.
 * Each frame is followed by a flush barrier on the same connection: its answer
 * proves the frame was handled and accepted; a close proves it was refused and
 * must carry one of our codes. Meanwhile two ordinary clients keep editing;
 * they must never be disconnected and must end with the same document, and
 * the server must stay up. FUZZ_SEED reproduces a run, FUZZ_FRAMES sizes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '../../src/lib/realtime/protocol';
import { twoWritersOnMinutes, type CollabFixture } from '../helpers/collab-fixtures';
import { connectClient, eventually, rawSocket, synced, type CollabClient } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';

// 5,000 in the regular run (a new seed each time); FUZZ_FRAMES=50000 for a long hunt
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 5_000);
const LANES = 8;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

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

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function rng(seed: number) {
	let s = seed >>> 0;
	const next = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, int: (n: number) => Math.floor(next() * n), bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)) };
}
type Rng = ReturnType<typeof rng>;

const frame = (write: (e: encoding.Encoder) => void) => {
	const e = encoding.createEncoder();
	write(e);
	return encoding.toUint8Array(e);
};

/** Real updates to mutate: what a client's edits look like on the wire. */
function realUpdates(): Uint8Array[] {
	const doc = new Y.Doc();
	const out: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => out.push(u));
	doc.getText('body').insert(0, 'Protokoll för ändringsforum');
	doc.getMap('meta').set('title', { nested: [1, 'två', null] });
	doc.getArray('items').push(['ett', 2, { tre: true }]);
	doc.getText('body').delete(3, 5);
	doc.getXmlFragment('root').insert(0, [new Y.XmlElement('paragraph')]);
	doc.destroy();
	return out;
}
const UPDATES = realUpdates();

/** One fuzzed frame and what kind it is. */
function fuzzFrame(r: Rng): { kind: string; data: Uint8Array } {
	const update = UPDATES[r.int(UPDATES.length)];
	switch (r.int(12)) {
		case 0:
			return { kind: 'random bytes', data: r.bytes(r.int(80)) };
		case 1:
			return { kind: 'truncated varint', data: Uint8Array.from({ length: 1 + r.int(12) }, () => 0x80 | r.int(128)) };
		case 2: {
			let type = r.int(300);
			while (type === 0 || type === 1 || type === 3 || type === 100) type = r.int(300);
			return { kind: 'wrong message type', data: frame((e) => { encoding.writeVarUint(e, type); encoding.writeUint8Array(e, r.bytes(r.int(20))); }) };
		}
		case 3:
			return { kind: 'wrong sync step', data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 3 + r.int(250)); encoding.writeUint8Array(e, r.bytes(r.int(20))); }) };
		case 4: {
			// A length far beyond what follows: 2^31, 2^32 - 1 or 2^53 - 1.
			const huge = [2 ** 31, 2 ** 32 - 1, Number.MAX_SAFE_INTEGER][r.int(3)];
			const type = [0, 1][r.int(2)];
			return { kind: 'huge length', data: frame((e) => { encoding.writeVarUint(e, type); if (type === 0) encoding.writeVarUint(e, 1 + r.int(2)); encoding.writeVarUint(e, huge); encoding.writeUint8Array(e, r.bytes(r.int(16))); }) };
		}
		case 5: {
			const cut = update.subarray(0, r.int(update.length));
			return { kind: 'truncated update', data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, cut); }) };
		}
		case 6: {
			const flipped = update.slice();
			for (let i = 0, n = 1 + r.int(3); i < n; i++) flipped[r.int(flipped.length)] ^= 1 << r.int(8);
			return { kind: 'bit-flipped update', data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1 + r.int(2)); encoding.writeVarUint8Array(e, flipped); }) };
		}
		case 7:
			return { kind: 'random update body', data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1 + r.int(2)); encoding.writeVarUint8Array(e, r.bytes(r.int(60))); }) };
		case 8: {
			// Presence with a JSON state that does not parse, or parses to something odd.
			const json = ['{', '{"user":', 'null', '[]', '"x"', '{"user":{"name":' + '['.repeat(200) + '}}', String.fromCharCode(...r.bytes(12))][r.int(7)];
			const inner = frame((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint(e, 1 + r.int(1000)); encoding.writeVarUint(e, r.int(5)); encoding.writeVarString(e, json); });
			return { kind: 'malformed presence', data: frame((e) => { encoding.writeVarUint(e, MessageType.awareness); encoding.writeVarUint8Array(e, inner); }) };
		}
		case 9:
			return { kind: 'barrier without id', data: Uint8Array.of(MessageType.flushBarrier) };
		case 10:
			return { kind: 'sync step 1 with random state vector', data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, r.bytes(r.int(30))); }) };
		default:
			return { kind: 'valid', data: r.int(2) === 0 ? Uint8Array.of(MessageType.queryAwareness) : frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); }) };
	}
}

/** The codes a refusal may carry: ours, or ws's own for a frame it will not take. */
const REFUSALS: number[] = [CloseCode.badMessage, CloseCode.messageTooLarge, 1009];

describe('fuzzed frames', () => {
	it(`survives ${FRAMES} fuzzed frames (seed ${SEED}) while two clients keep editing`, async () => {
		const r = rng(SEED);
		const disconnects: number[] = [];
		for (const c of [a, b]) c.provider.on('connection-close', (e: { code: number } | null) => disconnects.push(e?.code ?? 0));

		// The two ordinary clients edit throughout.
		let editing = true;
		let marks = 0;
		const editor = (async () => {
			while (editing) {
				(marks % 2 ? a : b).doc.getArray<string>('marks').push([`m${marks++}`]);
				await new Promise((res) => setTimeout(res, 25));
			}
		})();

		const outcomes = new Map<string, { accepted: number; refused: number }>();
		const badCodes: string[] = [];
		let sent = 0;
		let barrierId = 1;
		const open = () => rawSocket(server.url, name, fx.supplier.sessionCookie);
		const lane = async () => {
			// The next connection opens while the current one is in use: most frames end theirs.
			let spare = open();
			while (sent < FRAMES) {
				const s = spare;
				spare = open();
				await s.opened;
				const answered = new Map<number, () => void>();
				s.ws.on('message', (data: Buffer) => {
					const d = decoding.createDecoder(new Uint8Array(data));
					if (decoding.readVarUint(d) === MessageType.flushBarrier) answered.get(decoding.readVarUint(d))?.();
				});
				let alive = true;
				while (alive && sent < FRAMES) {
					const { kind, data } = fuzzFrame(r);
					sent++;
					const id = barrierId++;
					const accepted = new Promise<boolean>((res) => answered.set(id, () => res(true)));
					s.ws.send(data);
					s.ws.send(frame((e) => { encoding.writeVarUint(e, MessageType.flushBarrier); encoding.writeVarUint(e, id); }));
					const ok = await Promise.race([accepted, s.closed.then(() => false)]);
					const o = outcomes.get(kind) ?? { accepted: 0, refused: 0 };
					outcomes.set(kind, o);
					if (ok) o.accepted++;
					else {
						o.refused++;
						alive = false;
						const { code } = await s.closed;
						if (!REFUSALS.includes(code)) badCodes.push(`${kind}: ${code} [${Buffer.from(data).toString('hex').slice(0, 80)}]`);
					}
				}
				s.ws.terminate();
			}
			spare.ws.terminate();
		};
		await Promise.all(Array.from({ length: LANES }, lane));
		editing = false;
		await editor;

		const summary = [...outcomes].map(([k, o]) => `${k}: ${o.accepted} accepted, ${o.refused} refused`).join('\n');
		console.log(`fuzz seed ${SEED}, ${sent} frames\n${summary}`);
		expect(badCodes, 'refusals with an unexpected close code').toEqual([]);
		expect(outcomes.get('truncated varint')?.accepted ?? 0).toBe(0);
		expect(outcomes.get('huge length')?.accepted ?? 0).toBe(0);
		expect(outcomes.get('wrong message type')?.accepted ?? 0).toBe(0);

		// The ordinary clients were never cut off, and agree with each other and the server.
		expect(disconnects, 'the ordinary clients were disconnected').toEqual([]);
		await Promise.all([a.flush(), b.flush()]);
		await eventually(() => a.doc.getArray('marks').length === marks && b.doc.getArray('marks').length === marks, 10_000, 'all marks at both clients');
		expect(b.doc.getArray('marks').toArray()).toEqual(a.doc.getArray('marks').toArray());
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect(server.process.exitCode).toBeNull();
		const fresh = connectClient(server.url, name, fx.customerAdmin.sessionCookie);
		await synced(fresh);
		expect(fresh.doc.getArray('marks').length).toBe(marks);
		fresh.destroy();
	}, 120_000);
});
