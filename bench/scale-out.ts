/**
 * Scale-out bench (`npm run bench:scale-out`; needs a build and PostgreSQL +
 * Redis: `eval "$(bash .ci/services)"` sets TEST_POSTGRES_URL and
 * TEST_REDIS_URL): two Samverkan instances on one PostgreSQL database and one
 * Redis, as docs/deployment.md sets them up, against the same load on one of
 * them. 1,000 light clients (bench/side-by-side/clients.ts) on 200 documents,
 * 5 per document, each writing 0.5 updates/s (side-by-side scenario 4):
 *   one  every client on instance A (B runs, idle);
 *   two  each document's clients split between A and B (3 + 2), so most of
 *        what a reader receives was written on the other instance.
 * Reported: propagation over all deliveries and over those that crossed
 * instances (writer on one, reader on the other), connect and initial sync,
 * each instance's CPU, RSS and event-loop delay, and whether every writer's
 * last update is in the database right after the run. A B A B, BENCH_REPS
 * times. Writes bench/results/scale-out-<date>.md; docs/deployment.md takes
 * its sizing advice from it.
 *
 *   BENCH_SECONDS=10  BENCH_REPS=2
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { documentNames } from './side-by-side/documents';
import { cpuSeconds, f1, load, machine, next, rssMb, startWorker, stats, writersNotStored, type Stats } from './side-by-side/measure';
import { startSamverkan, type ServerUnderTest } from './side-by-side/servers';
import type { DoneMessage, ReadyMessage, WorkerInput } from './side-by-side/worker';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPS = Number(process.env.BENCH_REPS ?? 2);
const DOCS = 200;
const PER_DOC = 5;
const RATE = 0.5;
const THREADS = 2;

type Layout = 'one' | 'two';

interface Row {
	layout: Layout;
	rep: number;
	clients: number;
	failed: number;
	sent: number;
	latency: Stats;
	cross: Stats;
	connect: Stats;
	sync: Stats;
	/** per instance, A then B */
	cpu: number[];
	rssMax: number[];
	loopP99: number[];
	loopMax: number[];
	genLagP99: number;
	notStored: number;
}

function clientsFor(layout: Layout, rep: number, docs: string[], instances: ServerUnderTest[]): WorkerInput['clients'] {
	return docs.flatMap((doc, d) =>
		Array.from({ length: PER_DOC }, (_, i) => {
			const at = layout === 'one' ? 0 : (d + i) % 2;
			return { doc, key: `${layout}${rep}-${d}-${i}@${at}`, writes: true, wsBase: instances[at].wsBase };
		})
	);
}

async function drive(instances: ServerUnderTest[], layout: Layout, rep: number, docs: string[]): Promise<Row> {
	const clients = clientsFor(layout, rep, docs, instances);
	const shares = Array.from({ length: THREADS }, (_, t) => clients.filter((_, i) => i % THREADS === t));
	const rssMax = instances.map((s) => rssMb(s.pid));
	const rssTimer = setInterval(() => instances.forEach((s, i) => (rssMax[i] = Math.max(rssMax[i], rssMb(s.pid)))), 250);
	for (const s of instances) await s.loopDelay();
	const [a] = instances;
	const workers = shares.map((share) =>
		startWorker({ server: 'samverkan', wsBase: a.wsBase, cookie: a.cookie, clients: share, updatesPerSecond: RATE, storm: false, mode: 'light' })
	);
	const done = workers.map((w) => next<DoneMessage>(w, 'done'));
	const ready = await Promise.all(workers.map((w) => next<ReadyMessage>(w, 'ready')));
	const cpu0 = instances.map((s) => cpuSeconds(s.pid));
	const t0 = performance.now();
	for (const w of workers) w.postMessage({ seconds: SECONDS });
	const results = await Promise.all(done);
	const elapsed = (performance.now() - t0) / 1000;
	const cpu = instances.map((s, i) => (cpuSeconds(s.pid) - cpu0[i]) / elapsed);
	clearInterval(rssTimer);
	const loops = [];
	for (const s of instances) loops.push(await s.loopDelay());
	return {
		layout,
		rep,
		clients: clients.length,
		failed: ready.reduce((n, r) => n + r.failed, 0),
		sent: results.reduce((n, r) => n + r.sent, 0),
		latency: stats(results.flatMap((r) => [...r.latencies])),
		cross: stats(results.flatMap((r) => [...r.crossLatencies])),
		connect: stats(ready.flatMap((r) => r.connectMs)),
		sync: stats(ready.flatMap((r) => r.syncMs)),
		cpu,
		rssMax,
		loopP99: loops.map((l) => l.p99),
		loopMax: loops.map((l) => l.max),
		genLagP99: Math.max(...results.map((r) => r.lagP99)),
		notStored: await writersNotStored(a.databaseUrl!, clients, results)
	};
}

const LABEL: Record<Layout, string> = { one: 'one instance', two: 'two instances' };

function report(rows: Row[], head: string[]): string {
	const reps = [...new Set(rows.map((r) => r.rep))];
	const cols = reps.flatMap((rep) => (['one', 'two'] as Layout[]).map((layout) => rows.find((r) => r.rep === rep && r.layout === layout)!));
	const per = (values: (r: Row) => number[]) => (r: Row) => values(r).map(f1).join(' / ');
	const measures: [string, (r: Row) => string][] = [
		['propagation p50 ms (all deliveries)', (r) => f1(r.latency.p50)],
		['propagation p99 ms (all deliveries)', (r) => f1(r.latency.p99)],
		['propagation max ms', (r) => f1(r.latency.max)],
		['propagation p50 ms, writer and reader on different instances', (r) => (r.cross.n ? f1(r.cross.p50) : '–')],
		['propagation p99 ms, writer and reader on different instances', (r) => (r.cross.n ? f1(r.cross.p99) : '–')],
		['deliveries /s (of which across instances)', (r) => `${f1(r.latency.n / SECONDS)} (${f1(r.cross.n / SECONDS)})`],
		['updates sent /s', (r) => f1(r.sent / SECONDS)],
		['connect p50 / p99 ms', (r) => `${f1(r.connect.p50)} / ${f1(r.connect.p99)}`],
		['initial sync p50 / p99 ms', (r) => `${f1(r.sync.p50)} / ${f1(r.sync.p99)}`],
		['clients that never synced', (r) => f1(r.failed)],
		['server CPU % of one core, A / B', per((r) => r.cpu.map((c) => c * 100))],
		['server CPU % of one core, both', (r) => f1(r.cpu.reduce((x, y) => x + y, 0) * 100)],
		['server RSS max MB, A / B', per((r) => r.rssMax)],
		['server event-loop delay p99 ms, A / B', per((r) => r.loopP99)],
		['server event-loop delay max ms, A / B', per((r) => r.loopMax)],
		['generator event-loop delay p99 ms', (r) => f1(r.genLagP99)],
		["writers whose last update is not in the database right after the run", (r) => f1(r.notStored)]
	];
	const title = cols.map((r) => `${LABEL[r.layout]} (${r.rep})`);
	return [
		...head,
		'',
		`| measure | ${title.join(' | ')} |`,
		`|---|${title.map(() => '---|').join('')}`,
		...measures.map(([label, get]) => `| ${label} | ${cols.map(get).join(' | ')} |`)
	].join('\n');
}

async function main() {
	const redisUrl = process.env.TEST_REDIS_URL;
	if (!process.env.TEST_POSTGRES_URL || !redisUrl) throw new Error('needs PostgreSQL and Redis: eval "$(bash .ci/services)" first');
	// startServer (tests/helpers/server.ts) then creates a fresh PostgreSQL database for instance A
	process.env.TEST_DATABASE = 'postgres';
	const date = new Date();
	const loadBefore = load();
	const m = machine();
	const env = { REDIS_URL: redisUrl, REDIS_PREFIX: `bench-${date.getTime()}` };
	console.log(`Scale-out bench, ${SECONDS} s per run, ${REPS} repetitions. Machine: ${m.nproc} CPUs, ${m.model}, load ${loadBefore}`);
	const a = await startSamverkan({ env: { ...env, INSTANCE_ID: 'A' } });
	const b = await startSamverkan({ databaseUrl: a.databaseUrl!, env: { ...env, INSTANCE_ID: 'B' } });
	const instances = [a, b];
	const rows: Row[] = [];
	try {
		const docs = (await documentNames(a.admin!, DOCS)).slice(0, DOCS);
		for (let rep = 1; rep <= REPS; rep++) {
			for (const layout of ['one', 'two'] as Layout[]) {
				console.log(`${LABEL[layout]}, repetition ${rep} ...`);
				const row = await drive(instances, layout, rep, docs);
				rows.push(row);
				console.log(
					`  p50 ${f1(row.latency.p50)} p99 ${f1(row.latency.p99)} ms (across: p50 ${f1(row.cross.p50)} p99 ${f1(row.cross.p99)}); CPU ${row.cpu.map((c) => f1(c * 100)).join(' / ')} %; loop max ${row.loopMax.map(f1).join(' / ')} ms; not stored ${row.notStored}`
				);
				// every document unloaded (10 s after its last connection) before the next layout
				await new Promise((r) => setTimeout(r, 13_000));
			}
		}
	} finally {
		for (const s of [b, a]) await s.stop().catch(() => {});
	}
	const text = report(rows, [
		`# Scale-out: two instances against one, ${date.toISOString().slice(0, 10)}`,
		'',
		`Run ${date.toISOString()} by \`npm run bench:scale-out\` (bench/scale-out.ts), ${SECONDS} s per run, ${REPS} repetitions (A B A B: one instance, two instances, again), light clients in ${THREADS} worker threads of one generator process.`,
		`Machine: ${m.nproc} CPUs (nproc), ${m.model}, ${m.memGb} GiB memory, Node ${m.node}; load average ${loadBefore} before the run, ${load()} after (1/5/15 min).`,
		'',
		`Two instances of the built app (build/start.js) on one PostgreSQL database and one Redis (REDIS_URL) on the same machine, with the generator: ${DOCS * PER_DOC} clients on ${DOCS} documents of the demo`,
		`(${PER_DOC} per document, every client writing ${RATE} updates/s). **one**: every client on instance A, B running idle. **two**: each document's clients split between A and B (3 + 2),`,
		'so a reader gets most updates from the other instance through Redis. Every update is committed to PostgreSQL before it is relayed, on either instance.',
		'Propagation: from `Y.Map.set` at the writer to its arrival at a reader (one clock); "across" counts only deliveries whose writer is on the other instance.'
	]);
	const dir = resolve(import.meta.dirname, 'results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `scale-out-${date.toISOString().slice(0, 10)}.md`);
	writeFileSync(file, text + '\n');
	console.log(`\n${text}\n\nWritten to ${file}`);
	process.exit(0);
}

await main();
