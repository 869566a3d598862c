/**
 * Redis restarting under the live room of two app instances. This file runs a
 * Redis of its own (never the shared one other test files use) and restarts
 * it empty, as a Redis without persistence comes back: the instances
 * reconnect, republish the room as they last knew it (presenter, slide,
 * hands, presence), and the presenter on A again moves the follower on B.
 *
 * Needs redis-server (`.ci/services` installs it and sets TEST_REDIS_URL):
 * skipped without it on a developer's machine, failed without it in CI.
 * Runs in the PostgreSQL project of the suite only (helpers/scale-out.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { connected, roomClient, until, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';
import { runsOwnRedis } from '../helpers/scale-out';

const HAVE_REDIS = !!process.env.TEST_REDIS_URL;

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** A throw-away redis-server on `port`, without persistence; resolves once it answers. */
async function startRedis(port: number): Promise<ChildProcess> {
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	await until(() => out.includes('Ready to accept connections') || child.exitCode !== null, 10_000, 'redis-server to start');
	if (child.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
	return child;
}

async function kill(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGKILL');
	await exited;
}

describe.skipIf(!runsOwnRedis())('live room: Redis restarts empty under two instances', () => {
	let redis: ChildProcess;
	let redisPort: number;
	let a: TestServer;
	let b: TestServer;
	const clients: RoomClient[] = [];

	beforeAll(async () => {
		if (!HAVE_REDIS) throw new Error('CI=true but TEST_REDIS_URL is not set: start the services with eval "$(bash .ci/services)"');
		redisPort = await freePort();
		redis = await startRedis(redisPort);
		const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, REDIS_PREFIX: `test-room-restart-${randomUUID()}` };
		a = await startServer({ demo: true, env });
		b = await startServer({ databaseUrl: a.databaseUrl, env });
	}, 120_000);

	afterAll(async () => {
		for (const c of clients) c.close();
		await b?.stop();
		await a?.stop();
		if (redis) await kill(redis);
	});

	it('republishes the room and carries on once Redis is back', async () => {
		const ids = await demoIds(a.url);
		const norrby = ids.customers[NORRBY];
		const meetingId = norrby.meetings[norrby.forums.tactical.id][0];
		const bam = ids.staff('bam@itmastaren.example').id;
		const it = norrby.person('it@norrby.example').id;
		const open = async (url: string, email: string) => {
			const cookie = (await new ApiClient(a.url).login(email)).sessionCookie;
			// the browser's way: reconnect on its own and re-join
			const c = roomClient(url, cookie, { reconnection: true, rejoin: meetingId });
			clients.push(c);
			await connected(c);
			await until(() => c.state !== null, 5_000, `${email} in the room`);
			return c;
		};
		const presenter = await open(a.url, 'bam@itmastaren.example');
		const follower = await open(b.url, 'it@norrby.example');
		expect(await presenter.send('present:start', {})).toEqual({ ok: true });
		expect(await presenter.send('slide:go', { slide: 3 })).toEqual({ ok: true });
		expect(await follower.send('hand:raise', {})).toEqual({ ok: true });
		await until(() => follower.slides.at(-1)?.slide === 3 && presenter.state!.hands.length === 1, 2_000, 'the room to settle');

		await kill(redis);
		redis = await startRedis(redisPort);

		// The instances reconnect (ioredis, within about 2 s), republish what they knew, and tell their rooms.
		const lateJoiner = await open(b.url, 'avtal@norrby.example');
		await until(() => lateJoiner.state!.presenting && lateJoiner.state!.hands.length === 1, 10_000, 'the room republished').catch((err: Error) => {
			throw new Error(`${err.message}: ${JSON.stringify(lateJoiner.state)}\nA: ${a.output()}\nB: ${b.output()}`);
		});
		expect(lateJoiner.state).toMatchObject({ presenting: true, presenterId: bam, slide: 3, hands: [{ personId: it }] });
		await until(() => lateJoiner.state!.participants.length === 3, 10_000, 'presence republished');

		// and the presenter on A moves the follower on B again
		expect(await presenter.send('slide:go', { slide: 4 })).toEqual({ ok: true });
		await until(() => follower.slides.at(-1)?.slide === 4, 1_000, 'B on slide 4 after the restart');
		await until(() => lateJoiner.slides.at(-1)?.slide === 4, 1_000, 'the late joiner too');
	}, 90_000);
});
