/**
 * Benchmark of the live room (not a test): the real built server as a child
 * process, 200 stock socket.io clients in one meeting room in this process,
 * so send and receive times come from one clock.
 *
 *   npm run build && npm run bench:room           (BUILD_DIR=... for another build)
 *   BENCH_CHANGES=30 npm run bench:room           (a quick run)
 *
 * The presenter changes the slide BENCH_CHANGES times, every 200 ms; every
 * other client records the time from the presenter's emit to its own
 * `room:slide` event: the fan-out latency, which includes the server's
 * authorization of the change (the presenter's duties are read from the
 * database for every event). 200 ms apart, each arrival belongs to the latest
 * change. Writes bench/results/room-<date>.md.
 *
 * The clients share a few demo logins (several tabs per person), since the
 * login limiter would refuse 200 logins from one address; the room counts
 * connections, not people, for the fan-out.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ApiClient } from '../tests/helpers/api-client';
import { demoIds, NORRBY } from '../tests/helpers/demo-ids';
import { connected, roomClient, until, type RoomClient } from '../tests/helpers/room-client';
import { startServer } from '../tests/helpers/server';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 100);
const INTERVAL_MS = 200;
const FOLLOWERS = ['it@norrby.example', 'avtal@norrby.example', 'tjanst@norrby.example', 'admin@itmastaren.example', 'im@itmastaren.example', 'cm@itmastaren.example'];

function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
	const loadBefore = loadavg();
	const server = await startServer({ demo: true });
	const clients: RoomClient[] = [];
	try {
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		const meetingId = norrby.meetings[norrby.forums.tactical.id][0];
		const cookies = await Promise.all(FOLLOWERS.map(async (e) => (await new ApiClient(server.url).login(e)).sessionCookie));
		const presenter = roomClient(server.url, (await new ApiClient(server.url).login('bam@itmastaren.example')).sessionCookie);
		clients.push(presenter);
		await connected(presenter);
		await presenter.join(meetingId);

		const connectStart = performance.now();
		for (let i = 0; i < CLIENTS - 1; i += 20) {
			const batch = Array.from({ length: Math.min(20, CLIENTS - 1 - i) }, (_, j) => roomClient(server.url, cookies[(i + j) % cookies.length]));
			clients.push(...batch);
			await Promise.all(batch.map(async (c) => (await connected(c), await c.join(meetingId))));
		}
		const connectSeconds = (performance.now() - connectStart) / 1000;
		const followers = clients.slice(1);

		let sentAt = 0;
		let measuring = false;
		const latencies: number[] = [];
		let received = 0;
		for (const c of followers) {
			c.socket.on('room:slide', () => {
				if (!measuring) return;
				latencies.push(performance.now() - sentAt);
				received++;
			});
		}
		const ackTimes: number[] = [];
		const change = async (i: number) => {
			sentAt = performance.now();
			const ack = await presenter.send('slide:go', { slide: (i % 6) + 1 });
			if (!ack.ok) throw new Error(`slide:go refused: ${JSON.stringify(ack)}`);
			ackTimes.push(performance.now() - sentAt);
		};
		// warm-up: JIT, statement cache
		await presenter.send('present:start', {});
		for (let i = 0; i < 10; i++) {
			await change(i);
			await new Promise((r) => setTimeout(r, 50));
		}

		const pid = server.process.pid!;
		const serverCpu0 = cpuSeconds(pid);
		const benchCpu0 = cpuSeconds(process.pid);
		const start = performance.now();
		measuring = true;
		ackTimes.length = 0;
		for (let i = 0; i < CHANGES; i++) {
			const expected = (i + 1) * followers.length;
			await change(i);
			await until(() => received >= expected, 5_000, `change ${i} delivered to every follower`).catch(() => {});
			const wait = INTERVAL_MS - (performance.now() - sentAt);
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		}
		measuring = false;
		const elapsed = (performance.now() - start) / 1000;
		const serverCpu = (cpuSeconds(pid) - serverCpu0) / elapsed;
		const benchCpu = (cpuSeconds(process.pid) - benchCpu0) / elapsed;

		const sorted = [...latencies].sort((a, b) => a - b);
		const acks = [...ackTimes].sort((a, b) => a - b);
		const ms = (v: number) => v.toFixed(1);
		const loadAfter = loadavg();
		const date = new Date().toISOString().slice(0, 10);
		const report = `# Live room fan-out benchmark (${date})

${CLIENTS} socket.io clients (websocket transport) in one meeting room: one presenter, ${followers.length} followers.
The presenter changed the slide ${CHANGES} times, one change every ${INTERVAL_MS} ms.
Latency = presenter's emit → each follower's \`room:slide\` event, one clock (all clients in the bench process).

| | p50 | p90 | p99 | max |
|---|---:|---:|---:|---:|
| fan-out latency to each follower (ms) | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.9))} | ${ms(quantile(sorted, 0.99))} | ${ms(sorted.at(-1) ?? 0)} |
| presenter's acknowledgement (ms) | ${ms(quantile(acks, 0.5))} | ${ms(quantile(acks, 0.9))} | ${ms(quantile(acks, 0.99))} | ${ms(acks.at(-1) ?? 0)} |

- deliveries: ${received} of ${CHANGES * followers.length} expected (${((100 * received) / (CHANGES * followers.length)).toFixed(2)} %)
- connecting and joining ${CLIENTS} clients: ${connectSeconds.toFixed(1)} s
- CPU during the measured window: server ${(serverCpu * 100).toFixed(0)} % of one core, bench process (all ${CLIENTS} clients) ${(benchCpu * 100).toFixed(0)} %

## Machine

- ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}
- **Shared machine**: other agents were building and testing at the same time. Load average (1, 5, 15 min)
  before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; after: ${loadAfter.map((l) => l.toFixed(2)).join(', ')}.
- The followers run in the bench's one process, so the last of 199 receivers waits for the event loop
  to hand the message to the 198 before it: the figure includes the clients' own work, and is an upper
  bound of what a browser (one client per machine) would see on the same network.
`;
		const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), 'results');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `room-${date}.md`);
		writeFileSync(file, report);
		console.log(report);
		console.log(`Written to ${file}`);
	} finally {
		for (const c of clients) c.close();
		await server.stop();
	}
}

await main();
