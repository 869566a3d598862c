/**
 * One client thread of the side-by-side bench: runs a share of the clients
 * (each server's own stock client, see clients.ts). Times come from
 * process.hrtime, one clock for every thread of the process, so a writer in
 * one thread and a reader in another agree.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { valuesIn } from '../light-client';
import { connectBenchClient, connectLightClient, nowMs, type BenchClient, type ServerKind } from './clients';

export interface WorkerInput {
	server: ServerKind;
	/** ws:// base: the provider appends /<doc> */
	wsBase: string;
	cookie: string;
	/**
	 * wsBase: this client's server when the load is spread over several
	 * instances; a key ending in `@<instance>` tells readers where its writer is
	 * (propagation across instances is reported apart).
	 */
	clients: { doc: string; key: string; writes: boolean; wsBase?: string }[];
	updatesPerSecond: number;
	/** connect all at once (join storm) or a few at a time */
	storm: boolean;
	/** each server's stock client, or light protocol clients (see clients.ts) */
	mode: 'stock' | 'light';
}

export interface ReadyMessage {
	type: 'ready';
	connectMs: number[];
	syncMs: number[];
	/** light clients: the size of the state each one's initial sync brought */
	syncBytes: number[];
	failed: number;
}

export interface DoneMessage {
	type: 'done';
	latencies: Float64Array;
	/** the part of `latencies` where writer and reader are on different instances */
	crossLatencies: Float64Array;
	sent: number;
	/** each writer's last sequence number: the durability check looks for it in the database */
	lastSeq: [string, number][];
	lagP99: number;
}

interface Client extends BenchClient {
	key: string;
	writes: boolean;
}

async function run() {
	const input = workerData as WorkerInput;
	const port = parentPort!;
	const latencies: number[] = [];
	const crossLatencies: number[] = [];
	let measuring = false;
	const instanceOf = (key: string) => key.split('@')[1];
	/** one arrival at client `me` (a server may echo a client's own update back) */
	const received = (me: string, value: unknown) => {
		if (!measuring) return;
		const v = value as { k?: string; t?: number } | null;
		if (typeof v?.t !== 'number' || v.k === me) return;
		const ms = nowMs() - v.t;
		latencies.push(ms);
		if (v.k !== undefined && instanceOf(v.k) !== instanceOf(me)) crossLatencies.push(ms);
	};
	// Each stock provider adds a process 'exit' listener.
	process.setMaxListeners(5000);

	const clients: Client[] = [];
	// A join storm opens every socket in the same instant; otherwise a few at a
	// time, so that setting up a thousand clients does not itself time out.
	const batch = input.storm ? input.clients.length : 20;
	for (let i = 0; i < input.clients.length; i += batch) {
		const group: Client[] = input.clients.slice(i, i + batch).map(({ doc, key, writes, wsBase = input.wsBase }) => ({
			key,
			writes,
			...(input.mode === 'light'
				? connectLightClient(input.server, wsBase, input.cookie, doc, (update) => {
						for (const value of valuesIn(update)) received(key, value);
					})
				: connectBenchClient(input.server, wsBase, input.cookie, doc))
		}));
		clients.push(...group);
		await Promise.race([Promise.all(group.map((c) => c.synced)), new Promise((r) => setTimeout(r, 60_000))]);
	}
	const timeout = <T>(p: Promise<T>) => Promise.race([p, new Promise<null>((r) => setTimeout(() => r(null), 1))]);
	const connectMs = (await Promise.all(clients.map((c) => timeout(c.connected)))).filter((x): x is number => x !== null);
	const syncMs = (await Promise.all(clients.map((c) => timeout(c.synced)))).filter((x): x is number => x !== null);

	if (input.mode === 'stock') {
		for (const c of clients) {
			c.doc.getMap('bench').observe((event) => {
				if (event.transaction.local) return;
				for (const k of event.keysChanged) received(c.key, event.target.get(k));
			});
		}
	}
	const syncBytes = clients.map((c) => c.received?.syncBytes ?? 0).filter((n) => n > 0);
	port.postMessage({ type: 'ready', connectMs, syncMs, syncBytes, failed: clients.length - syncMs.length } satisfies ReadyMessage);

	const { seconds } = await new Promise<{ seconds: number }>((r) => port.once('message', r));
	const lag = monitorEventLoopDelay({ resolution: 10 });
	lag.enable();
	measuring = true;
	let sent = 0;
	const lastSeq = new Map<string, number>();
	const period = 1000 / input.updatesPerSecond;
	const stops = clients
		.filter((c) => c.writes && seconds > 0)
		.map((c) => {
			let seq = 0;
			const tick = () => {
				c.doc.getMap('bench').set(c.key, { k: c.key, seq: ++seq, t: nowMs() });
				lastSeq.set(c.key, seq);
				sent++;
			};
			let interval: ReturnType<typeof setInterval> | undefined;
			// Spread the writers over the period so they do not all fire together.
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
	// Let what is in flight arrive.
	if (seconds > 0) await new Promise((r) => setTimeout(r, 1000));
	measuring = false;
	lag.disable();
	port.postMessage({ type: 'done', latencies: Float64Array.from(latencies), crossLatencies: Float64Array.from(crossLatencies), sent, lastSeq: [...lastSeq], lagP99: lag.percentile(99) / 1e6 } satisfies DoneMessage);
	for (const c of clients) c.close();
	process.exit(0);
}

void run();
