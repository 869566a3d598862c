/**
 * Fuzzed and malformed frames against the live room (/socket.io): engine.io
 * and socket.io packets of every type with junk, JSON that does not parse or
 * nests thousands deep, every room event with payloads of the wrong shape
 * (prototype pollution, huge strings, odd numbers), binary events whose
 * attachments never come, huge ack ids, random binary frames and frames above
 * the size limit. Each frame is followed by a probe on the same socket (an
 * event whose acknowledgement always comes), so each frame is known to have
 * been handled before the next. Meanwhile two participants sit in a meeting
 * room; they must never be disconnected, must still be answered, and the
 * server must stay up. FUZZ_SEED reproduces a run, FUZZ_ROOM_FRAMES sizes it.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { connected, roomClient, until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';

const FRAMES = Number(process.env.FUZZ_ROOM_FRAMES ?? 5_000);
const LANES = 8;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let server: TestServer;
let cookie: string;
let meetingId: string;
const participants: RoomClient[] = [];

beforeAll(async () => {
	server = await startServer({ demo: true });
	const ids = await demoIds(server.url);
	const norrby = ids.customers[NORRBY];
	meetingId = norrby.meetings[norrby.forums.tactical.id][0];
	cookie = (await new ApiClient(server.url).login('bam@itmastaren.example')).sessionCookie;
	for (const email of ['avtal@norrby.example', 'bam@itmastaren.example']) {
		const c = roomClient(server.url, (await new ApiClient(server.url).login(email)).sessionCookie);
		participants.push(c);
		await connected(c);
		expect(await c.join(meetingId)).toEqual({ ok: true });
	}
});

afterAll(async () => {
	for (const c of participants) c.close();
	await server?.stop();
});

function rng(seed: number) {
	let s = seed >>> 0;
	const next = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	return { int, pick: <T>(xs: readonly T[]) => xs[int(xs.length)], bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => int(256))) };
}
type Rng = ReturnType<typeof rng>;

const EVENTS = ['room:join', 'present:start', 'present:stop', 'present:pass', 'slide:go', 'duty:assign', 'item:set', 'timer:restart', 'meeting:start', 'meeting:end', 'hand:raise', 'hand:lower', 'note:set', 'vote:open', 'vote:cast', 'vote:close', 'no:such-event', '__proto__', 'constructor', 'connect', 'disconnect'];
const PAYLOADS = [
	'null',
	'0',
	'-1e308',
	'"x"',
	'[]',
	'{}',
	'{"__proto__":{"polluted":true}}',
	'{"constructor":{"prototype":{"polluted":true}}}',
	'{"meetingId":{"$ne":null}}',
	'{"meetingId":"\' OR 1=1 --"}',
	'{"slide":1e309}',
	'{"slide":-2147483649}',
	'{"text":"' + 'x'.repeat(60_000) + '"}',
	'{"changeId":["a"],"choice":{"x":1}}',
	'{"duty":"chair","party":"customer","personId":null,"scope":"forum","extra":1}'
];

const printable = (r: Rng, n: number) => String.fromCharCode(...Array.from({ length: n }, () => 32 + r.int(95)));

/** One fuzzed frame: text (engine.io/socket.io) or binary. */
function fuzzFrame(r: Rng): { kind: string; data: string | Buffer } {
	switch (r.int(11)) {
		case 0:
			return { kind: 'random text', data: printable(r, r.int(60)) };
		case 1:
			return { kind: 'engine.io type + junk', data: `${r.pick(['1', '2', '3', '5', '6', '7', '8', '9'])}${printable(r, r.int(20))}` };
		case 2:
			return { kind: 'socket.io type + junk', data: `4${r.int(10)}${printable(r, r.int(30))}` };
		case 3:
			return { kind: 'JSON that does not parse', data: `42${r.pick(['[', '["room:join"', '["room:join",{', '{}', '"x"', '[1,2]', '[null]', '[]', '[[]]'])}` };
		case 4:
			return { kind: 'deeply nested JSON', data: `42["room:join",${'['.repeat(5000)}${']'.repeat(5000)}]` };
		case 5:
			return { kind: 'wrong payloads', data: `42["${r.pick(EVENTS)}",${r.pick(PAYLOADS)}]` };
		case 6:
			return { kind: 'binary event without its attachment', data: `451-["${r.pick(EVENTS)}",{"_placeholder":true,"num":0}]` };
		case 7:
			return { kind: 'huge ack id', data: `42${'9'.repeat(1 + r.int(40))}["${r.pick(EVENTS)}",{}]` };
		case 8:
			return { kind: 'random binary', data: r.bytes(1 + r.int(80)) };
		case 9:
			return { kind: 'above the size limit', data: `42["note:set",{"slide":"x","text":"${'y'.repeat(70_000)}"}]` };
		default:
			return { kind: 'valid', data: `42["room:join",{"meetingId":"${meetingId}"}]` };
	}
}

/** A raw engine.io v4 websocket, connected to the main namespace. */
async function rawRoomSocket() {
	const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { cookie } });
	ws.on('error', () => {});
	const acks = new Map<number, () => void>();
	const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
	const ready = new Promise<boolean>((resolve) => {
		ws.on('message', (data, isBinary) => {
			if (isBinary) return;
			const text = data.toString();
			if (text === '2') ws.send('3'); // engine.io ping → pong
			else if (text.startsWith('0')) ws.send('40');
			else if (text.startsWith('40')) resolve(true);
			else {
				const ack = /^43(\d+)/.exec(text);
				if (ack) acks.get(Number(ack[1]))?.();
			}
		});
		void closed.then(() => resolve(false));
	});
	return { ws, acks, closed, ready };
}

describe('fuzzed frames on /socket.io', () => {
	it(`survives ${FRAMES} fuzzed frames (seed ${SEED}) while two participants stay in the room`, async () => {
		const r = rng(SEED);
		const drops: string[] = [];
		for (const c of participants) c.socket.on('disconnect', (reason) => drops.push(String(reason)));

		const outcomes = new Map<string, { answered: number; closed: number; silent: number }>();
		let sent = 0;
		let probeId = 1;
		const lane = async () => {
			while (sent < FRAMES) {
				const s = await rawRoomSocket();
				if (!(await s.ready)) throw new Error('the room refused a fresh connection');
				let open = true;
				while (open && sent < FRAMES) {
					const { kind, data } = fuzzFrame(r);
					sent++;
					const id = probeId++;
					const answered = new Promise<'answered'>((res) => s.acks.set(id, () => res('answered')));
					s.ws.send(data);
					// An event that always gets its acknowledgement (a refusal: the id is no meeting's).
					s.ws.send(`42${id}["room:join",{"meetingId":"not-a-uuid"}]`);
					const outcome = await Promise.race([answered, s.closed.then(() => 'closed' as const), new Promise<'silent'>((res) => setTimeout(() => res('silent'), 1500))]);
					const o = outcomes.get(kind) ?? { answered: 0, closed: 0, silent: 0 };
					outcomes.set(kind, o);
					o[outcome]++;
					if (outcome !== 'answered') open = false;
				}
				s.ws.terminate();
			}
		};
		await Promise.all(Array.from({ length: LANES }, lane));

		console.log(`room fuzz seed ${SEED}, ${sent} frames\n${[...outcomes].map(([k, o]) => `${k}: ${o.answered} answered, ${o.closed} closed, ${o.silent} silent`).join('\n')}`);
		expect(drops, 'participants were disconnected').toEqual([]);
		// The participants are still served: a rejoin is acknowledged and the state arrives.
		for (const c of participants) {
			const before = c.states.length;
			expect(await c.join(meetingId)).toEqual({ ok: true });
			await until(() => c.states.length > before, 5_000, 'a fresh room state');
		}
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect(server.process.exitCode).toBeNull();
		expect(server.output()).not.toMatch(/uncaught|unhandled/i);
	}, 150_000);
});
