/**
 * Side-by-side benchmark (`npm run bench`, needs a build: `npm run build`):
 * one load generator drives, in one run,
 *   (a) Samverkan's collab server, every update durable before it is relayed;
 *   (b) the reference y-websocket server (@y/websocket-server 0.1.1), in memory;
 *   (c) optionally Hocuspocus 3.4 storing through extension-database into SQLite,
 * each with its own stock client (clients.ts), through the same scenarios:
 *   1. one writer (10 updates/s) and 50 readers on one document;
 *   2. 50 writers on one document, 5 updates/s each;
 *   3. 100 documents with 5 clients each, every client 2 updates/s;
 *   4. 200 documents with 5 clients each, every client 0.5 updates/s;
 *   5. connect: 50 clients open one meeting's minutes at the same instant;
 *   6. a join storm: 100 clients open one large document at the same instant;
 *   7. cold load of a document stored as 20,000 logged updates;
 *   8. memory: 200 documents opened by one client each (what an open document costs).
 * Each scenario runs on every server in turn, and the whole round again
 * (A B A B, BENCH_REPS times), so that changes in the machine's load fall on
 * all alike. The goals of issue 19 are judged from the figures of one run
 * (ratios to the reference), met only when met in every repetition. Writes
 * bench/results/compare-<date>.md and the table in bench/README.md.
 *
 *   BENCH_SECONDS=10 (per steady scenario)  BENCH_ONLY=1,4 (scenario numbers)
 *   BENCH_REPS=2  BENCH_SERVERS=samverkan,y-websocket[,hocuspocus]
 *   BENCH_CLIENTS=light|stock  BENCH_PROFILE_DIR=dir (Samverkan with --cpu-prof)
 */
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { connectBenchClient } from './clients';
import { documentNames } from './documents';
import { cpuSeconds, f1, KiB, load, machine, MiB, next, ratio, rssMb, startWorker, stats, writersNotStored, type Stats } from './measure';
import { startHocuspocus, startSamverkan, startYWebsocket, type ServerUnderTest } from './servers';
import type { DoneMessage, ReadyMessage } from './worker';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ONLY = process.env.BENCH_ONLY?.split(',').map(Number);
const THREADS = 2;
/**
 * Light protocol clients for every scenario (the servers' figures); each
 * server's stock client for the one-document scenarios and the join storm
 * (what browsers cause, generator included; 1,000 stock clients in one
 * process would measure mostly the generator). BENCH_CLIENTS=light|stock.
 */
const PLAN: [Mode, number[]][] = (
	[
		['light', [1, 2, 3, 4, 5, 6, 7, 8]],
		['stock', [1, 2, 5]]
	] as [Mode, number[]][]
).filter(([mode]) => !process.env.BENCH_CLIENTS || process.env.BENCH_CLIENTS === mode);
const REPS = Number(process.env.BENCH_REPS ?? 2);
const SERVERS = (process.env.BENCH_SERVERS ?? 'samverkan,y-websocket').split(',');
/** documents of the memory scenario */
const MEMORY_DOCS = 200;
const COLD_UPDATES = 20_000;
const COLD_SAMPLES = 3;

type Mode = 'light' | 'stock';

interface Row {
	scenario: number;
	rep: number;
	mode: Mode;
	server: ServerUnderTest['kind'];
	clients: number;
	failed: number;
	sent: number;
	seconds: number;
	latency: Stats;
	connect: Stats;
	sync: Stats;
	cpu: number;
	rssMax: number;
	/** the server's event-loop delay over the whole scenario (connecting included) */
	loop: { p99: number; max: number; gcMax: number; gcMaxKind: string };
	/** garbage-collection pauses together in the window the scenario is about (steady, or connecting) */
	gcTotal: number;
	/** the same while the clients connected and synced, and in the steady window after (steady scenarios only) */
	loopConnect: { max: number } | null;
	loopSteady: { max: number } | null;
	genLagP99: number;
	/** Samverkan: writers whose last update is not in the database right after the run (should be 0) */
	notStored: number | null;
	/** memory scenario: heap + external after a full collection, per open document (bytes), and the documents' mean encoded size */
	perDocBytes: number;
	docBytes: number;
}

interface Load {
	clients: { doc: string; key: string; writes: boolean }[];
	updatesPerSecond: number;
	seconds: number;
	storm?: boolean;
	/** memory scenario: measures the server's memory while every client is connected */
	measureMemory?: boolean;
}

/** Runs one load against one server and measures it. */
async function drive(server: ServerUnderTest, scenario: number, rep: number, mode: Mode, load: Load): Promise<Row> {
	const shares = Array.from({ length: THREADS }, (_, t) => load.clients.filter((_, i) => i % THREADS === t)).filter((s) => s.length > 0);
	let rssMax = rssMb(server.pid);
	const rssTimer = setInterval(() => (rssMax = Math.max(rssMax, rssMb(server.pid))), 250);
	const before = await server.loopDelay();
	const cpu0 = cpuSeconds(server.pid);
	const t0 = performance.now();
	const workers = shares.map((clients) =>
		startWorker({ server: server.kind, wsBase: server.wsBase, cookie: server.cookie, clients, updatesPerSecond: load.updatesPerSecond, storm: load.storm ?? false, mode })
	);
	const done = workers.map((w) => next<DoneMessage>(w, 'done'));
	const ready = await Promise.all(workers.map((w) => next<ReadyMessage>(w, 'ready')));
	const cpu1 = cpuSeconds(server.pid);
	const t1 = performance.now();
	let perDocBytes = NaN;
	// Steady scenarios: the connecting window apart, to tell where a stall fell. The memory scenario
	// reads its window here too (the full collection that measures the documents must fall outside it).
	const loopConnect = load.seconds > 0 || load.measureMemory ? await server.loopDelay() : null;
	if (load.measureMemory) {
		const during = loopConnect ?? (await server.loopDelay());
		perDocBytes = (during.heapUsed + during.external - before.heapUsed - before.external) / load.clients.length;
	}
	const syncBytes = ready.flatMap((r) => r.syncBytes);
	for (const w of workers) w.postMessage({ seconds: load.seconds });
	const results = await Promise.all(done);
	// CPU of what the scenario is about: the steady window, or connecting (storm, cold load).
	const cpu = load.seconds > 0 ? (cpuSeconds(server.pid) - cpu1) / ((performance.now() - t1) / 1000) : (cpu1 - cpu0) / ((t1 - t0) / 1000);
	clearInterval(rssTimer);
	const loopSteady = await server.loopDelay();
	const loop = loopConnect
		? {
				p99: Math.max(loopConnect.p99, loopSteady.p99),
				max: Math.max(loopConnect.max, loopSteady.max),
				gcMax: Math.max(loopConnect.gcMax, loopSteady.gcMax),
				gcMaxKind: loopConnect.gcMax > loopSteady.gcMax ? loopConnect.gcMaxKind : loopSteady.gcMaxKind
			}
		: loopSteady;
	// Durable before relay: once the last update has reached the readers, it is in the database.
	let notStored: number | null = null;
	if (server.kind === 'samverkan' && load.seconds > 0) {
		notStored = await writersNotStored(server.databaseUrl!, load.clients, results);
	}
	return {
		scenario,
		rep,
		mode,
		server: server.kind,
		clients: load.clients.length,
		failed: ready.reduce((n, r) => n + r.failed, 0),
		sent: results.reduce((n, r) => n + r.sent, 0),
		seconds: load.seconds,
		latency: stats(results.flatMap((r) => [...r.latencies])),
		connect: stats(ready.flatMap((r) => r.connectMs)),
		sync: stats(ready.flatMap((r) => r.syncMs)),
		cpu,
		rssMax,
		loop,
		gcTotal: load.seconds > 0 ? loopSteady.gcTotal : (loopConnect ?? loopSteady).gcTotal,
		loopConnect: loopConnect && { max: loopConnect.max },
		loopSteady: loopConnect && { max: loopSteady.max },
		genLagP99: Math.max(...results.map((r) => r.lagP99)),
		notStored,
		perDocBytes,
		docBytes: syncBytes.length ? syncBytes.reduce((a, b) => a + b, 0) / syncBytes.length : NaN
	};
}

/** The 20,000 updates of the cold-load document: one word typed at a time. */
function coldUpdates(): { updates: Uint8Array[]; state: Uint8Array } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const text = doc.getText('body');
	for (let i = 0; i < COLD_UPDATES; i++) {
		if (i % 10 === 9) doc.getMap('meta').set(`k${i % 100}`, i);
		else text.insert(Math.floor((i * 7919) % (text.length + 1)), `ord${i} `);
	}
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return { updates, state };
}

/** Fills one document with ~500 KB through a client, and waits until a second client sees all of it. */
async function fillLargeDocument(server: ServerUnderTest, name: string): Promise<() => void> {
	const writer = connectBenchClient(server.kind, server.wsBase, server.cookie, name);
	await writer.synced;
	const chunk = 'Ändringsforum beslutade att genomföra ändringen under servicefönstret. '.repeat(280); // ~20 KB
	for (let i = 0; i < 25; i++) {
		writer.doc.transact(() => {
			writer.doc.getText('large').insert(writer.doc.getText('large').length, chunk);
			writer.doc.getArray('rows').push(Array.from({ length: 100 }, (_, j) => ({ row: i * 100 + j, title: `Punkt ${i}.${j}` })));
		});
		await new Promise((r) => setTimeout(r, 20));
	}
	const expected = writer.doc.getText('large').length;
	const check = connectBenchClient(server.kind, server.wsBase, server.cookie, name);
	await check.synced;
	const start = Date.now();
	while (check.doc.getText('large').length < expected) {
		if (Date.now() - start > 30_000) throw new Error(`${server.kind}: the large document did not arrive`);
		await new Promise((r) => setTimeout(r, 50));
	}
	check.close();
	// The writer stays connected, so that the document stays loaded in every server.
	return () => writer.close();
}

const SCENARIOS: Record<number, string> = {
	1: 'one writer (10/s), 50 readers, one document',
	2: '50 writers × 5/s, one document',
	3: '100 documents × 5 clients, 2/s each',
	4: '200 documents × 5 clients, 0.5/s each',
	5: 'connect: 50 clients open one meeting\'s minutes at once (the chair has them open)',
	6: 'join storm: 100 clients open a ~0.5 MB document at once',
	7: `cold load: a document of ${COLD_UPDATES.toLocaleString('en')} logged updates (${COLD_SAMPLES} documents, one client each)`,
	8: `memory: ${MEMORY_DOCS} documents opened by one client each`
};
const STEADY = [1, 2, 3, 4];

const serverName: Record<Row['server'], string> = { samverkan: 'Samverkan', 'y-websocket': 'y-websocket', hocuspocus: 'Hocuspocus' };

function table(rows: Row[], mode: Mode): string[] {
	const lines: string[] = [];
	rows = rows.filter((r) => r.mode === mode);
	const kinds = [...new Set(rows.map((r) => r.server))];
	const reps = [...new Set(rows.map((r) => r.rep))];
	for (const n of [...new Set(rows.map((r) => r.scenario))]) {
		const by = (k: Row['server'], rep: number) => rows.find((r) => r.scenario === n && r.server === k && r.rep === rep);
		const steady = STEADY.includes(n);
		const measures: [string, (r: Row) => number][] =
			n === 8
				? [
						['open documents', (r) => r.clients],
						['memory per open document KiB (heap + external, after GC)', (r) => r.perDocBytes / KiB],
						['encoded document size KiB (mean)', (r) => r.docBytes / KiB],
						['server RSS max MB', (r) => r.rssMax],
						['server event-loop delay max ms', (r) => r.loop.max],
						['server garbage-collection pause max ms', (r) => r.loop.gcMax]
					]
				: [
						...(steady
							? ([
									['propagation p50 ms', (r) => r.latency.p50],
									['propagation p99 ms', (r) => r.latency.p99],
									['propagation max ms', (r) => r.latency.max],
									['updates sent /s', (r) => r.sent / r.seconds],
									['deliveries /s', (r) => r.latency.n / r.seconds]
								] as [string, (r: Row) => number][])
							: []),
						['connect p50 ms', (r) => r.connect.p50],
						['connect p99 ms', (r) => r.connect.p99],
						['initial sync p50 ms', (r) => r.sync.p50],
						['initial sync p99 ms', (r) => r.sync.p99],
						['initial sync max ms', (r) => r.sync.max],
						['clients that never synced', (r) => r.failed],
						['server CPU % of one core', (r) => r.cpu * 100],
						['server RSS max MB', (r) => r.rssMax],
						['server event-loop delay p99 ms', (r) => r.loop.p99],
						['server event-loop delay max ms', (r) => r.loop.max],
						['server garbage-collection pause max ms', (r) => r.loop.gcMax],
						...(steady
							? ([
									['… of it while connecting ms', (r) => r.loopConnect?.max ?? NaN],
									['… of it in the steady window ms', (r) => r.loopSteady?.max ?? NaN]
								] as [string, (r: Row) => number][])
							: []),
						// the scenario's own window: the steady one, or connecting for the connect scenarios
						['server garbage-collection pauses in all ms', (r) => r.gcTotal],
						['generator event-loop delay p99 ms', (r) => r.genLagP99],
						...(steady ? ([['writers whose last update is not in the database', (r) => r.notStored ?? NaN]] as [string, (r: Row) => number][]) : [])
					];
		const others = kinds.filter((k) => k !== 'samverkan');
		const head = reps.flatMap((rep) => [...kinds.map((k) => `${serverName[k]} (${rep})`), ...others.map((k) => `S ÷ ${serverName[k]} (${rep})`)]);
		lines.push(`### ${n}. ${SCENARIOS[n]} (${mode === 'light' ? 'light clients' : 'stock clients'})`, '', `| measure | ${head.join(' | ')} |`, `|---|${head.map(() => '---|').join('')}`);
		for (const [label, get] of measures) {
			const cells = reps.flatMap((rep) => {
				const v = (k: Row['server']) => {
					const r = by(k, rep);
					return r ? get(r) : NaN;
				};
				return [...kinds.map((k) => (n === 7 && k === 'y-websocket' ? 'n/a' : f1(v(k)))), ...others.map((k) => ratio(v('samverkan'), v(k)))];
			});
			lines.push(`| ${label} | ${cells.join(' | ')} |`);
		}
		lines.push('');
	}
	return lines;
}

interface Goal {
	goal: string;
	figures: string;
	met: boolean;
}

/** Issue 19's goals, from the light clients' rows (the servers' own figures): met only when met in every repetition. */
function goals(rows: Row[], idle: { rss: number; rssAfterGc: number }): Goal[] {
	const light = rows.filter((r) => r.mode === 'light');
	const pairs = (n: number) =>
		[...new Set(light.map((r) => r.rep))]
			.map((rep) => ({ s: light.find((r) => r.scenario === n && r.rep === rep && r.server === 'samverkan'), y: light.find((r) => r.scenario === n && r.rep === rep && r.server === 'y-websocket') }))
			.filter((p): p is { s: Row; y: Row } => Boolean(p.s && p.y));
	const out: Goal[] = [];
	for (const n of [3, 4]) {
		const ps = pairs(n);
		if (ps.length === 0) continue;
		out.push({
			goal: `${SCENARIOS[n]}: propagation p50 and p99 ≤ 1.5× the reference`,
			figures: ps.map(({ s, y }) => `p50 ${f1(s.latency.p50)} vs ${f1(y.latency.p50)} ms (${ratio(s.latency.p50, y.latency.p50)}), p99 ${f1(s.latency.p99)} vs ${f1(y.latency.p99)} ms (${ratio(s.latency.p99, y.latency.p99)})`).join('; '),
			met: ps.every(({ s, y }) => s.latency.p50 <= 1.5 * y.latency.p50 && s.latency.p99 <= 1.5 * y.latency.p99)
		});
		out.push({
			goal: `${SCENARIOS[n]}: server CPU ≤ 2× the reference's`,
			figures: ps.map(({ s, y }) => `${f1(s.cpu * 100)} vs ${f1(y.cpu * 100)} % of a core (${ratio(s.cpu, y.cpu)})`).join('; '),
			met: ps.every(({ s, y }) => s.cpu <= 2 * y.cpu)
		});
		out.push({
			goal: `${SCENARIOS[n]}: every update durable before relay (every writer's last update in the database right after the run)`,
			figures: ps.map(({ s }) => `${s.notStored} writers' last update missing`).join('; '),
			met: ps.every(({ s }) => s.notStored === 0)
		});
	}
	const connect = pairs(5);
	if (connect.length > 0)
		out.push({
			goal: `${SCENARIOS[5]}: connect + initial sync p50 and p99 ≤ 1.5× the reference`,
			figures: connect.map(({ s, y }) => `p50 ${f1(s.sync.p50)} vs ${f1(y.sync.p50)} ms (${ratio(s.sync.p50, y.sync.p50)}), p99 ${f1(s.sync.p99)} vs ${f1(y.sync.p99)} ms (${ratio(s.sync.p99, y.sync.p99)})`).join('; '),
			met: connect.every(({ s, y }) => s.sync.p50 <= 1.5 * y.sync.p50 && s.sync.p99 <= 1.5 * y.sync.p99)
		});
	if (Number.isFinite(idle.rss))
		out.push({ goal: 'idle server (restarted on the demo database, signed in, no document open) < 150 MiB RSS', figures: `${f1(idle.rss / MiB)} MiB (${f1(idle.rssAfterGc / MiB)} MiB after a full collection)`, met: idle.rss < 150 * MiB });
	const memory = light.filter((r) => r.scenario === 8 && r.server === 'samverkan');
	if (memory.length > 0)
		out.push({
			goal: 'each open document costs ≤ 2× its encoded Y.Doc size + 100 KiB',
			figures: memory.map((r) => `${f1(r.perDocBytes / KiB)} KiB per document for ${f1(r.docBytes / KiB)} KiB documents (allowed ${f1((2 * r.docBytes + 100 * KiB) / KiB)} KiB)`).join('; '),
			met: memory.every((r) => r.perDocBytes <= 2 * r.docBytes + 100 * KiB)
		});
	const many = light.filter((r) => r.scenario === 4 && r.server === 'samverkan');
	if (many.length > 0) out.push({ goal: '200 documents × 5 clients < 400 MiB RSS in all', figures: many.map((r) => `${f1(r.rssMax)} MiB max`).join('; '), met: many.every((r) => r.rssMax < 400) });
	const mine = light.filter((r) => r.server === 'samverkan');
	if (mine.length > 0) {
		const worst = [...new Set(mine.map((r) => r.scenario))].map((n) => `${n}: ${mine.filter((r) => r.scenario === n).map((r) => f1(r.loop.max)).join(' / ')} ms`);
		out.push({ goal: 'no event-loop stall over 50 ms during any scenario (Samverkan\'s event-loop delay max, per scenario and repetition)', figures: worst.join('; '), met: mine.every((r) => r.loop.max <= 50) });
	}
	return out;
}

async function main() {
	const date = new Date();
	const loadBefore = load();
	const m = machine();
	console.log(`Side-by-side bench, ${SECONDS} s per steady scenario, ${REPS} repetitions, servers ${SERVERS.join(', ')}. Machine: ${m.nproc} CPUs, ${m.model}, load ${loadBefore}`);
	const coldDoc = coldUpdates();
	const first = await startSamverkan();
	const names = await documentNames(first.admin!, 212);
	// Idle as a production server is: restarted on the loaded demo database (loading the demo
	// in-process leaves memory the allocator does not give back), signed in, no document open.
	const samverkan = await first.restart!();
	await new Promise((r) => setTimeout(r, 2000));
	const idleRss = rssMb(samverkan.pid) * MiB;
	const idleProbe = await samverkan.loopDelay();
	const idle = { rss: idleRss, rssAfterGc: idleProbe.rss };
	console.log(`  Samverkan idle (restarted on the demo database): RSS ${f1(idleRss / MiB)} MiB, ${f1(idleProbe.rss / MiB)} MiB after a full collection (heap ${f1(idleProbe.heapUsed / MiB)} MiB, external ${f1(idleProbe.external / MiB)} MiB)`);
	// Every writer has a key of its own in each repetition, so no run's value meets an earlier one's.
	const cold = names.slice(202, 202 + COLD_SAMPLES);
	const docs = { one: names[0], many: names[1], spread: names.slice(2, 202), connect: names[205] };

	// Cold documents: Samverkan's log gets the 20,000 updates as rows (documents never opened,
	// so nothing is seeded or compacted); Hocuspocus stores a document's state as one blob.
	const sqlite = new Database(samverkan.databaseFile!);
	const insert = sqlite.prepare('INSERT INTO collab_updates (doc_name, data, created_at) VALUES (?, ?, ?)');
	sqlite.transaction(() => {
		for (const name of cold) for (const u of coldDoc.updates) insert.run(name, u, date.toISOString());
	})();
	sqlite.close();
	const servers: ServerUnderTest[] = [samverkan];
	if (SERVERS.includes('y-websocket')) servers.push(await startYWebsocket());
	if (SERVERS.includes('hocuspocus'))
		servers.push(
			await startHocuspocus((file) => {
				const db = new Database(file);
				db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
				for (const name of cold) db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run(name, coldDoc.state);
				db.close();
			})
		);
	const running = SERVERS.includes('samverkan') ? servers : servers.slice(1);

	const rows: Row[] = [];
	const runs: Record<number, (s: ServerUnderTest, mode: Mode, rep: number) => Promise<Row | null>> = {
		1: (s, mode, rep) => drive(s, 1, rep, mode, { clients: Array.from({ length: 51 }, (_, i) => ({ doc: docs.one, key: `a${mode}${rep}-${i}`, writes: i === 0 })), updatesPerSecond: 10, seconds: SECONDS }),
		2: (s, mode, rep) => drive(s, 2, rep, mode, { clients: Array.from({ length: 50 }, (_, i) => ({ doc: docs.many, key: `b${mode}${rep}-${i}`, writes: true })), updatesPerSecond: 5, seconds: SECONDS }),
		3: (s, mode, rep) =>
			drive(s, 3, rep, mode, { clients: docs.spread.slice(0, 100).flatMap((doc, d) => Array.from({ length: 5 }, (_, i) => ({ doc, key: `c${mode}${rep}-${d}-${i}`, writes: true }))), updatesPerSecond: 2, seconds: SECONDS }),
		4: (s, mode, rep) =>
			drive(s, 4, rep, mode, { clients: docs.spread.flatMap((doc, d) => Array.from({ length: 5 }, (_, i) => ({ doc, key: `d${mode}${rep}-${d}-${i}`, writes: true }))), updatesPerSecond: 0.5, seconds: SECONDS }),
		5: async (s, mode, rep) => {
			// The meeting's minutes are open (the chair has them): the 50 join a loaded document, on every server alike.
			const chair = connectBenchClient(s.kind, s.wsBase, s.cookie, docs.connect);
			await chair.synced;
			try {
				return await drive(s, 5, rep, mode, { clients: Array.from({ length: 50 }, (_, i) => ({ doc: docs.connect, key: `e${i}`, writes: false })), updatesPerSecond: 1, seconds: 0, storm: true });
			} finally {
				chair.close();
			}
		},
		6: async (s, mode, rep) => {
			// a fresh document in each repetition, or it would hold twice as much
			const large = names[206 + rep];
			const release = await fillLargeDocument(s, large);
			try {
				return await drive(s, 6, rep, mode, { clients: Array.from({ length: 100 }, (_, i) => ({ doc: large, key: `f${i}`, writes: false })), updatesPerSecond: 1, seconds: 0, storm: true });
			} finally {
				release();
			}
		},
		7: async (s, mode, rep) => {
			if (s.kind === 'y-websocket') return null; // in memory: nothing is stored, so nothing to load
			// the first repetition loads the stored log; later ones would find it compacted
			if (rep > 1) return null;
			const samples = [];
			for (const doc of cold) samples.push(await drive(s, 7, rep, mode, { clients: [{ doc, key: 'g', writes: false }], updatesPerSecond: 1, seconds: 0 }));
			return { ...samples[0], connect: stats(samples.map((r) => r.connect.p50)), sync: stats(samples.map((r) => r.sync.p50)), cpu: Math.max(...samples.map((r) => r.cpu)), rssMax: Math.max(...samples.map((r) => r.rssMax)) };
		},
		8: async (s, mode, rep) => {
			// Every document of the earlier scenarios unloaded first (Samverkan: 10 s after its last connection).
			if (s.kind === 'samverkan') await new Promise((r) => setTimeout(r, 13_000));
			return drive(s, 8, rep, mode, { clients: docs.spread.slice(0, MEMORY_DOCS).map((doc, d) => ({ doc, key: `h${d}`, writes: false })), updatesPerSecond: 1, seconds: 0, measureMemory: true });
		}
	};
	try {
		for (const [mode, scenarios] of PLAN) {
			for (const n of scenarios.filter((x) => !ONLY || ONLY.includes(x))) {
				for (let rep = 1; rep <= REPS; rep++) {
					for (const s of running) {
						console.log(`Scenario ${n} (${SCENARIOS[n]}), ${mode} clients, repetition ${rep}, on ${s.label} ...`);
						const row = await runs[n](s, mode, rep);
						if (row) {
							rows.push(row);
							console.log(
								`  p50 ${f1(row.latency.p50)} p99 ${f1(row.latency.p99)} max ${f1(row.latency.max)} ms; sync p50 ${f1(row.sync.p50)} p99 ${f1(row.sync.p99)} ms; CPU ${f1(row.cpu * 100)} %; RSS ${f1(row.rssMax)} MB; loop p99 ${f1(row.loop.p99)} max ${f1(row.loop.max)} ms (GC pause max ${f1(row.loop.gcMax)} ms ${row.loop.gcMaxKind}, ${f1(row.gcTotal)} ms in all); failed ${row.failed}${n === 8 ? `; ${f1(row.perDocBytes / KiB)} KiB per document of ${f1(row.docBytes / KiB)} KiB` : ''}`
							);
						}
						// Let the server settle.
						await new Promise((r) => setTimeout(r, 2000));
					}
				}
			}
		}
	} finally {
		for (const s of servers) await s.stop().catch(() => {});
	}

	const loadAfter = load();
	const judged = goals(rows, idle);
	const text = [
		`# Side-by-side: Samverkan vs ${running.filter((s) => s.kind !== 'samverkan').map((s) => serverName[s.kind]).join(' vs ')}, ${date.toISOString().slice(0, 10)}`,
		'',
		`Run ${date.toISOString()} by \`npm run bench\` (bench/side-by-side/run.ts), ${SECONDS} s per steady scenario, ${REPS} repetitions of every scenario (A B A B: each server in turn, then again), clients in ${THREADS} worker threads of one generator process.`,
		`Machine: ${m.nproc} CPUs (nproc), ${m.model}, ${m.memGb} GiB memory, Node ${m.node}; load average ${loadBefore} before the run, ${loadAfter} after (1/5/15 min).`,
		'',
		'- **Samverkan**: the built app (server/index.ts) with demo data; every update is committed to SQLite (WAL, synchronous=NORMAL) before it is relayed.',
		'- **y-websocket**: `@y/websocket-server` 0.1.1 as its own server.js sets it up, in memory: nothing is stored.',
		...(SERVERS.includes('hocuspocus') ? ['- **Hocuspocus**: `@hocuspocus/server` 3.4.4 with `@hocuspocus/extension-database` into SQLite (better-sqlite3, same pragmas), default debounce: the document is stored 2 s after the last change (at most every 10 s), as one blob.'] : []),
		'',
		'Clients: **light** protocol clients (bench/side-by-side/clients.ts, the approach of bench/light-client.ts) send what the stock client sends, with real Yjs updates,',
		"but only decode what they receive, so the figures are the servers'; **stock** clients are each server's own (y-websocket `WebsocketProvider`, `@hocuspocus/provider`)",
		'and integrate every update, as a browser does, so on this machine their figures include the generator queueing for CPU (see its event-loop delay).',
		'All clients of Samverkan sign in with one session (the supplier admin\'s), as the bench has one person: a real meeting has one session per person.',
		'Propagation: from `Y.Map.set` at the writer to the change arriving at a reader, both in the generator process (one clock). CPU and RSS: the server process during the',
		"scenario (CPU as share of one core). Event-loop delay: the server's own (a probe preloaded into each server process) and the generator's (its client threads).",
		'Memory per open document: the server\'s heap + external memory after a full garbage collection with the documents open, less the same before, per document;',
		'the encoded size is what a client\'s initial sync of the document brought. Ratios are Samverkan ÷ reference: below 1× means Samverkan is lower.',
		"Durability: right after each steady scenario the bench reads Samverkan's SQLite file and looks for every writer's last update.",
		'Scenario 7 for y-websocket is n/a: it keeps documents in memory only, so there is nothing to load; it runs in the first repetition only (afterwards the log is compacted).',
		'',
		'## Goals (issue 19), light clients, met only if met in every repetition',
		'',
		'| goal | figures (repetition 1; 2) | |',
		'|---|---|---|',
		...judged.map((g) => `| ${g.goal} | ${g.figures} | **${g.met ? 'met' : 'not met'}** |`),
		'',
		...table(rows, 'light'),
		...table(rows, 'stock')
	].join('\n');
	const dir = resolve(import.meta.dirname, '../results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `compare-${date.toISOString().slice(0, 10)}${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : ''}.md`);
	writeFileSync(file, text + '\n');
	const readme = resolve(import.meta.dirname, '../README.md');
	if (!process.env.BENCH_LABEL) try {
		const current = readFileSync(readme, 'utf8');
		const [before] = current.split('<!-- latest side-by-side -->');
		writeFileSync(readme, `${before}<!-- latest side-by-side -->\n\n${text.replace(/^# /, '### Latest: ').replace(/^## /gm, '#### ').replace(/^### (\d)/gm, '#### $1')}\n`);
	} catch {
		/* no README: the results file is enough */
	}
	console.log(`\n${text}\n\nWritten to ${file}`);
	process.exit(0);
}

await main();
