/**
 * Benchmark of the collab server (not a test): the real built server as a
 * child process, stock y-websocket clients in this process, so that send and
 * receive times come from one clock.
 *
 *   npm run build && npm run bench:collab        (BUILD_DIR=... for another build)
 *   BENCH_SECONDS=5 npm run bench:collab          (a quick run)
 *
 * Scenario "one document": 50 clients on one document, each sending 5 updates
 * per second. Scenario "many documents": two clients on every document of the
 * demo data (agenda and minutes of each meeting, activity list of each forum),
 * each sending 2 updates per second. Each runs twice: with light protocol
 * clients (bench/light-client.ts: the same messages and real Yjs updates, but
 * they do not integrate others' updates, so the figure is the server's) and
 * with stock y-websocket providers (each integrates every update, so 50 of them
 * in one process on a 2-core machine also measure the bench's own CPU).
 *
 * Each update sets the sender's key in a Y.Map to {seq, t}, t = performance.now()
 * at the send; every other client records now - t when the change arrives: the
 * propagation latency, which includes the server's commit (every update is in
 * the database before it is relayed). Each sender also asks for a flush barrier
 * after each update: the "saved" latency. Writes bench/results/collab-<date>.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { forumActionsDoc, meetingAgendaDoc, meetingMinutesDoc } from '../src/lib/realtime/doc-names';
import { ApiClient } from '../tests/helpers/api-client';
import { readStoredDoc } from '../tests/helpers/collab-db';
import { startServer, type TestServer } from '../tests/helpers/server';
import type { WorkerInput, WorkerResult } from './collab-worker';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TARGET_P99_MS = 50;

interface Scenario {
	name: string;
	kind: WorkerInput['kind'];
	documents: string[];
	clientsPerDocument: number;
	updatesPerSecond: number;
}

interface Result {
	scenario: Scenario;
	clients: number;
	seconds: number;
	sent: number;
	delivered: number;
	latency: Stats;
	saved: Stats;
	rssMaxMb: number;
	rssEndMb: number;
	/** share of one core used during the measured window */
	serverCpu: number;
	benchCpu: number;
	/** worst p99 event-loop delay of the client threads: how much of the latency is the clients' own queueing */
	benchLagP99: number;
	durable: string;
}

interface Stats {
	p50: number;
	p95: number;
	p99: number;
	max: number;
	n: number;
}

function stats(samples: number[]): Stats {
	const s = Float64Array.from(samples).sort();
	const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN);
	return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.length ? s[s.length - 1] : NaN, n: s.length };
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return NaN;
	}
}

function rssMb(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : NaN;
	} catch {
		return NaN;
	}
}

/**
 * Client threads per kind. Light clients are cheap: one thread leaves the
 * second core to the server. Fifty stock providers need more than one core.
 */
const WORKERS = { light: Number(process.env.BENCH_WORKERS ?? 1), provider: Number(process.env.BENCH_WORKERS ?? 2) };

/** Starts a worker thread running bench/collab-worker.ts (through tsx, like this file). */
function startWorker(input: WorkerInput): Worker {
	const entry = fileURLToPath(new URL('./collab-worker.ts', import.meta.url));
	return new Worker(
		`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
		{ eval: true, workerData: input }
	);
}

let runs = 0;

async function runScenario(server: TestServer, cookie: string, scenario: Scenario): Promise<Result> {
	// Keys unique per run: a light client does not read the document, so reusing a key
	// an earlier run wrote would be a concurrent write that may lose to the old value.
	const run = runs++;
	const all: { doc: string; key: string }[] = [];
	for (const doc of scenario.documents) {
		for (let i = 0; i < scenario.clientsPerDocument; i++) all.push({ doc, key: `r${run}c${all.length}` });
	}
	// Round-robin, so the clients of one document sit in different threads.
	const threads = WORKERS[scenario.kind];
	const shares = Array.from({ length: threads }, (_, w) => all.filter((_, i) => i % threads === w));
	const workers = shares.map((clients) => startWorker({ url: server.url, cookie, clients, updatesPerSecond: scenario.updatesPerSecond, kind: scenario.kind }));
	const results = workers.map(
		(w) =>
			new Promise<WorkerResult>((resolve, reject) => {
				w.on('message', (m: { type: string }) => m.type === 'done' && resolve(m as WorkerResult));
				w.on('error', reject);
			})
	);
	await Promise.all(workers.map((w) => new Promise<void>((r) => w.on('message', (m: { type: string }) => m.type === 'ready' && r()))));

	const pid = server.process.pid!;
	let rssMax = rssMb(pid);
	const rssTimer = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 500);
	const start = performance.now();
	const serverCpu0 = cpuSeconds(pid);
	const benchCpu0 = cpuSeconds(process.pid);
	for (const w of workers) w.postMessage({ seconds: SECONDS });
	const done = await Promise.all(results);
	// The workers drain for 0.5 s after sending; count the window they sent in.
	const elapsed = (performance.now() - start) / 1000 - 0.5;
	const serverCpu = (cpuSeconds(pid) - serverCpu0) / (elapsed + 0.5);
	const benchCpu = (cpuSeconds(process.pid) - benchCpu0) / (elapsed + 0.5);
	clearInterval(rssTimer);
	const rssEnd = rssMb(pid);

	const lastSeq = new Map(done.flatMap((d) => d.lastSeq));
	let missing = 0;
	for (const doc of scenario.documents) {
		const stored = readStoredDoc(server.databaseFile, doc).getMap<{ seq: number }>('bench');
		for (const c of all.filter((x) => x.doc === doc)) {
			if ((stored.get(c.key)?.seq ?? 0) !== lastSeq.get(c.key)) missing++;
		}
	}
	// Let the server unload (commit, compact) these documents before the next
	// scenario, so that its work does not land in the next measurement.
	await new Promise((r) => setTimeout(r, 12_000));

	return {
		scenario,
		clients: all.length,
		seconds: elapsed,
		sent: done.reduce((n, d) => n + d.sent, 0),
		delivered: done.reduce((n, d) => n + d.latencies.length, 0),
		latency: stats(done.flatMap((d) => [...d.latencies])),
		saved: stats(done.flatMap((d) => [...d.saved])),
		rssMaxMb: rssMax,
		rssEndMb: rssEnd,
		serverCpu,
		benchCpu,
		benchLagP99: Math.max(...done.map((d) => d.lagP99)),
		durable: missing === 0 ? 'every client’s last update is in the database' : `${missing} clients’ last update missing from the database`
	};
}

async function demoDocuments(admin: ApiClient): Promise<{ oneDoc: string; all: string[] }> {
	const all: string[] = [];
	let oneDoc = '';
	const { body } = await admin.json('GET', '/api/v1/customers');
	for (const customer of body.customers as { id: string }[]) {
		const { body: f } = await admin.json('GET', `/api/v1/customers/${customer.id}/forums`);
		for (const forum of f.forums as { id: string }[]) {
			all.push(forumActionsDoc(forum.id));
			const { body: m } = await admin.json('GET', `/api/v1/forums/${forum.id}/meetings`);
			for (const meeting of m.meetings as { id: string }[]) {
				all.push(meetingAgendaDoc(meeting.id), meetingMinutesDoc(meeting.id));
				oneDoc ||= meetingMinutesDoc(meeting.id);
			}
		}
	}
	return { oneDoc, all };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function machine() {
	const cpu = cpus();
	let nproc = String(cpu.length);
	try {
		nproc = execFileSync('nproc').toString().trim();
	} catch {
		/* os.cpus() then */
	}
	return {
		nproc,
		model: cpu[0]?.model ?? 'unknown',
		memGb: (totalmem() / 2 ** 30).toFixed(1),
		node: process.version,
		// Other work on the machine skews every figure: say how busy it was.
		load: loadavg().map((l) => l.toFixed(2)).join(' ')
	};
}

function report(results: Result[], date: Date, loadBefore: string): string {
	const m = machine();
	const lines = [
		`# Collab server benchmark, ${date.toISOString().slice(0, 10)}`,
		'',
		`Run ${date.toISOString()} by \`npm run bench:collab\` (bench/collab.ts), ${SECONDS} s per scenario, light clients in ${WORKERS.light} and stock providers in ${WORKERS.provider} worker thread(s).`,
		`Machine: ${m.nproc} CPUs (nproc), ${m.model}, ${m.memGb} GiB memory, Node ${m.node}; load average ${loadBefore} before the run, ${m.load} after (1/5/15 min).`,
		'Server and clients share this machine: the clients (stock y-websocket providers) run in the bench process,',
		'the server is the built app (server/index.ts) in a child process with its own SQLite file.',
		'',
		'Propagation latency: from an update being made at one client to its arrival at another, both in the bench',
		'process (one clock, process.hrtime); it includes the commit to the update log, which happens before the relay.',
		'Light clients (bench/light-client.ts) send the same protocol messages and real Yjs updates as the stock provider',
		'but only decode what they receive; stock providers integrate every update into their own Y.Doc, so with 50 of them',
		'in one process the figure includes the simulated clients queueing for CPU (see client loop lag).',
		'Saved latency: from the update to the answer of the flush barrier sent right after it.',
		'CPU: share of one core over the measured window (200 % = both cores). Client loop lag: the worst p99',
		'event-loop delay of the client threads, i.e. how much of the latency is the simulated clients queueing.',
		'',
		'| scenario | docs | clients | updates/s per client | updates sent | updates/s | deliveries | p50 ms | p95 ms | p99 ms | max ms | saved p50 ms | saved p99 ms | server CPU % | bench CPU % | client loop lag p99 ms | server RSS max MB | durable |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const r of results) {
		lines.push(
			`| ${r.scenario.name} | ${r.scenario.documents.length} | ${r.clients} | ${r.scenario.updatesPerSecond} | ${r.sent} | ${f1(r.sent / r.seconds)} | ${r.delivered} | ${f1(r.latency.p50)} | ${f1(r.latency.p95)} | ${f1(r.latency.p99)} | ${f1(r.latency.max)} | ${f1(r.saved.p50)} | ${f1(r.saved.p99)} | ${f1(r.serverCpu * 100)} | ${f1(r.benchCpu * 100)} | ${f1(r.benchLagP99)} | ${f1(r.rssMaxMb)} | ${r.durable} |`
		);
	}
	const one = results[0];
	lines.push(
		'',
		`Target (50 clients on one document, 5 updates/s each): p99 propagation under ${TARGET_P99_MS} ms with every update durable before relay: ` +
			`**${one.latency.p99 < TARGET_P99_MS && one.durable.startsWith('every') ? 'met' : 'NOT met'}** (p99 ${f1(one.latency.p99)} ms).`,
		''
	);
	return lines.join('\n');
}

async function main() {
	const date = new Date();
	const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
	console.log(`Starting the server (build: ${process.env.BUILD_DIR ?? 'build'}) ...`);
	const server = await startServer({ demo: true });
	try {
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const { oneDoc, all } = await demoDocuments(admin);
		const scenarios: Scenario[] = [
			{ name: 'one document', kind: 'light', documents: [oneDoc], clientsPerDocument: 50, updatesPerSecond: 5 },
			{ name: 'many documents', kind: 'light', documents: all, clientsPerDocument: 2, updatesPerSecond: 2 },
			{ name: 'one document, stock providers', kind: 'provider', documents: [oneDoc], clientsPerDocument: 50, updatesPerSecond: 5 },
			{ name: 'many documents, stock providers', kind: 'provider', documents: all, clientsPerDocument: 2, updatesPerSecond: 2 }
		];
		const results: Result[] = [];
		// BENCH_ONLY=0,2 runs a subset (by index), e.g. while tuning.
		const only = process.env.BENCH_ONLY?.split(',').map(Number);
		for (const s of scenarios.filter((_, i) => !only || only.includes(i))) {
			console.log(`Scenario "${s.name}": ${s.documents.length} document(s) × ${s.clientsPerDocument} clients, ${s.updatesPerSecond}/s each, ${SECONDS} s`);
			const r = await runScenario(server, admin.sessionCookie, s);
			console.log(
				`  p50 ${f1(r.latency.p50)} ms, p99 ${f1(r.latency.p99)} ms, max ${f1(r.latency.max)} ms; ${f1(r.sent / r.seconds)} updates/s; saved p99 ${f1(r.saved.p99)} ms; CPU server ${f1(r.serverCpu * 100)} % bench ${f1(r.benchCpu * 100)} %; bench loop lag p99 ${f1(r.benchLagP99)} ms; RSS max ${f1(r.rssMaxMb)} MB; ${r.durable}`
			);
			results.push(r);
		}
		const text = report(results, date, loadBefore);
		const dir = resolve(import.meta.dirname, 'results');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `collab-${date.toISOString().slice(0, 10)}.md`);
		writeFileSync(file, text);
		console.log(`\n${text}\nWritten to ${file}`);
	} finally {
		await server.stop();
	}
	// Providers keep timers; the bench is done.
	process.exit(0);
}

await main();
