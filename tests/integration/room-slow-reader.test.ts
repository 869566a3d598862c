/**
 * A room participant that stops reading must not make the server queue
 * without bound: one that floods `room:join` (each answered with the full
 * state) and one that only receives broadcasts are cut off past the queue
 * limit, server memory stays bounded, and the others are still served.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { connected, roomClient, until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

describe('live room: participants that stop reading', () => {
	let server: TestServer;
	let meetingId: string;
	let cookie: string;
	let presenter: RoomClient;
	let other: RoomClient;

	/** A raw engine.io/socket.io client (it@norrby, Oskar Falk) that joins the meeting, then stops reading. */
	async function stalled(): Promise<{ ws: WebSocket }> {
		const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { cookie } });
		ws.on('error', () => {});
		let joined = false;
		ws.on('message', (data) => {
			const text = data.toString();
			if (text.startsWith('0')) ws.send('40');
			else if (text.startsWith('40')) ws.send(`420["room:join",{"meetingId":"${meetingId}"}]`);
			else if (text.startsWith('430')) joined = true;
		});
		await until(() => joined, 5_000, 'raw client joined');
		ws.pause();
		return { ws };
	}

	beforeAll(async () => {
		server = await startServer({ demo: true });
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		meetingId = norrby.meetings[norrby.forums.tactical.id][0];
		cookie = (await new ApiClient(server.url).login('it@norrby.example')).sessionCookie;
		presenter = roomClient(server.url, (await new ApiClient(server.url).login('bam@itmastaren.example')).sessionCookie);
		other = roomClient(server.url, (await new ApiClient(server.url).login('avtal@norrby.example')).sessionCookie);
		for (const c of [presenter, other]) {
			await connected(c);
			expect(await c.join(meetingId)).toEqual({ ok: true });
		}
	});

	afterAll(async () => {
		presenter?.close();
		other?.close();
		await server?.stop();
	});

	it('keeps a client that floods events without reading from holding up the room or the memory', async () => {
		const { ws } = await stalled();
		const pid = server.process.pid!;
		const before = rssMb(pid);
		let max = before;
		const sampler = setInterval(() => (max = Math.max(max, rssMb(pid))), 50);
		try {
			for (let i = 1; i <= 4000; i++) {
				ws.send(`42${i}["room:join",{"meetingId":"${meetingId}"}]`);
				if (i % 100 === 0) await new Promise((r) => setTimeout(r, 20));
			}
			// the meeting's queue is not held up behind 4000 joins: the others are answered at once
			const t0 = Date.now();
			expect(await other.join(meetingId)).toEqual({ ok: true });
			expect(Date.now() - t0).toBeLessThan(2_000);
			await new Promise((r) => setTimeout(r, 2_000));
		} finally {
			clearInterval(sampler);
		}
		expect(max - before).toBeLessThan(60);
		ws.terminate();
	}, 60_000);

	it('cuts off a client that only receives broadcasts and never reads them', async () => {
		const { ws } = await stalled();
		const present = () => other.state!.participants.some((p) => p.name === 'Oskar Falk');
		await until(present, 2_000, 'the stalled client in the room');
		// (a paused client cannot see its own connection end: the others see it leave)
		await presenter.send('present:start', {});
		// each note is broadcast to the room; a few hundred of them overflow a reader that never reads
		const big = 'x'.repeat(3_900);
		for (let i = 0; i < 3_000 && present(); i++) {
			await presenter.send('note:set', { slide: 'sla', text: `${i}${big}` });
		}
		await until(() => !present(), 10_000, 'the stalled client cut off');
		ws.terminate();
		expect(await presenter.send('slide:go', { slide: 2 })).toEqual({ ok: true });
		await until(() => other.slides.at(-1)?.slide === 2, 2_000, 'the others still follow');
	}, 90_000);
});
