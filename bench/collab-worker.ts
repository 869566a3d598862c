/**
 * One worker thread of bench/collab.ts: runs a share of the clients (light
 * protocol clients or stock y-websocket providers), so that simulating many
 * clients does not saturate one thread. Times come from process.hrtime, one monotonic clock for all threads
 * of the process, so a sender in one worker and a receiver in another agree.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { connectClient, synced } from '../tests/helpers/collab-client';
import { LightClient, valuesIn } from './light-client';

export interface WorkerInput {
	url: string;
	cookie: string;
	clients: { doc: string; key: string }[];
	updatesPerSecond: number;
	/** stock y-websocket providers, or light protocol clients (see light-client.ts) */
	kind: 'provider' | 'light';
}

/** What the bench needs of a client, whichever kind. */
interface BenchClient {
	key: string;
	synced: Promise<void>;
	set(value: { k: string; seq: number; t: number }): void;
	flush(): Promise<void>;
	close(): void;
}

export interface WorkerResult {
	type: 'done';
	latencies: Float64Array;
	saved: Float64Array;
	sent: number;
	lastSeq: [string, number][];
	lagP99: number;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

async function run() {
	const input = workerData as WorkerInput;
	const port = parentPort!;
	const latencies: number[] = [];
	const saved: number[] = [];
	let measuring = false;
	/** One arrival at the client `me`; the server may echo a client's own update back in a merged relay. */
	const received = (me: string, value: unknown) => {
		if (!measuring) return;
		const now = nowMs();
		const v = value as { k?: string; t?: number } | null;
		if (typeof v?.t === 'number' && v.k !== me) latencies.push(now - v.t);
	};
	const clients: BenchClient[] = input.clients.map(({ doc, key }) => {
		if (input.kind === 'light') {
			const c = new LightClient(input.url, doc, input.cookie, (update) => {
				for (const value of valuesIn(update)) received(key, value);
			});
			return { key, synced: c.synced, set: (v) => c.doc.getMap('bench').set(key, v), flush: () => c.flush(), close: () => c.close() };
		}
		const c = connectClient(input.url, doc, input.cookie);
		c.doc.getMap('bench').observe((event) => {
			if (event.transaction.local) return;
			for (const k of event.keysChanged) received(key, event.target.get(k));
		});
		return { key, synced: synced(c, 60_000), set: (v) => c.doc.getMap('bench').set(key, v), flush: () => c.flush(), close: () => c.destroy() };
	});
	await Promise.all(clients.map((c) => c.synced));

	port.postMessage({ type: 'ready' });
	const { seconds } = await new Promise<{ seconds: number }>((r) => port.once('message', r));

	const lag = monitorEventLoopDelay({ resolution: 10 });
	lag.enable();
	measuring = true;
	let sent = 0;
	const lastSeq = new Map<string, number>();
	const period = 1000 / input.updatesPerSecond;
	const stops = clients.map((client) => {
		let seq = 0;
		const tick = () => {
			const t = nowMs();
			client.set({ k: client.key, seq: ++seq, t });
			lastSeq.set(client.key, seq);
			sent++;
			// The "Saved" indicator: the flush barrier right after the update.
			client.flush().then(
				() => saved.push(nowMs() - t),
				() => {}
			);
		};
		let interval: ReturnType<typeof setInterval> | undefined;
		// Spread the clients over the period so they do not all fire together.
		const phase = setTimeout(() => {
			tick();
			interval = setInterval(tick, period);
		}, Math.random() * period);
		return () => {
			clearTimeout(phase);
			if (interval) clearInterval(interval);
		};
	});
	await new Promise((r) => setTimeout(r, seconds * 1000));
	for (const stop of stops) stop();
	await Promise.all(clients.map((c) => c.flush().catch(() => {})));
	await new Promise((r) => setTimeout(r, 500));
	measuring = false;
	lag.disable();
	const result: WorkerResult = {
		type: 'done',
		latencies: Float64Array.from(latencies),
		saved: Float64Array.from(saved),
		sent,
		lastSeq: [...lastSeq],
		lagP99: lag.percentile(99) / 1e6
	};
	port.postMessage(result);
	for (const client of clients) client.close();
	process.exit(0);
}

void run();
