/**
 * The three servers under test, each in a child process of its own (so that
 * its CPU, memory and event loop are its own), each with the event-loop probe
 * preloaded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiClient } from '../../tests/helpers/api-client';
import { startServer } from '../../tests/helpers/server';
import type { ServerKind } from './clients';

export interface ServerUnderTest {
	kind: ServerKind;
	label: string;
	pid: number;
	/** ws:// base the clients append /<doc> to */
	wsBase: string;
	cookie: string;
	/** Samverkan only: its SQLite file, its API as the supplier admin */
	databaseFile?: string;
	databaseUrl?: string;
	admin?: ApiClient;
	/** Hocuspocus only: its SQLite file */
	hocuspocusDb?: string;
	/** Samverkan only: stops the server and starts it again on the same data (the state of a production server after a restart) */
	restart?(): Promise<ServerUnderTest>;
	/** event-loop delay of the server since the last call (p50/p99/max ms), and its memory after a full collection (bytes) */
	loopDelay(): Promise<Probe>;
	stop(): Promise<void>;
}

export interface Probe {
	p50: number;
	p99: number;
	max: number;
	/** the longest garbage-collection pause in the window (ms) */
	gcMax: number;
	/** all garbage-collection pauses of the window together (ms) */
	gcTotal: number;
	/** the kind of collection of the longest pause (minor, major, ...) */
	gcMaxKind: string;
	heapUsed: number;
	external: number;
	rss: number;
}

const ROOT = resolve(import.meta.dirname, '../..');
const PROBE = pathToFileURL(join(import.meta.dirname, 'loop-probe.mjs')).href;

function probeEnv(dir: string, extra: Record<string, string> = {}) {
	const file = join(dir, 'loop.json');
	return { file, env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim(), LOOP_PROBE_FILE: file, ...extra } };
}

function loopReader(pid: () => number, file: string) {
	let last = 0;
	const read = (): (Probe & { answer: number }) | null => {
		try {
			return JSON.parse(readFileSync(file, 'utf8')) as Probe & { answer: number };
		} catch {
			return null;
		}
	};
	return async (): Promise<Probe> => {
		process.kill(pid(), 'SIGUSR2');
		// A busy server answers late (a full collection first): wait for this answer, not the last one.
		const start = Date.now();
		for (;;) {
			await new Promise((r) => setTimeout(r, 50));
			const probe = read();
			if (probe && probe.answer > last) {
				last = probe.answer;
				return probe;
			}
			if (Date.now() - start > 10_000) return { p50: NaN, p99: NaN, max: NaN, heapUsed: NaN, external: NaN, rss: NaN };
		}
	};
}

export interface SamverkanOptions {
	/** restart on the data of an earlier server */
	dataDir?: string;
	/** a further instance of the installation whose database this is (no demo loaded) */
	databaseUrl?: string;
	/** e.g. REDIS_URL for several instances */
	env?: Record<string, string>;
}

/** BENCH_PROFILE_DIR: Samverkan's CPU profile of the whole run is written there (samverkan-<time>.cpuprofile) when it stops, and the reference's (y-websocket-<time>.cpuprofile). */
export async function startSamverkan(opts: SamverkanOptions = {}): Promise<ServerUnderTest> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-samverkan-'));
	const profileDir = process.env.BENCH_PROFILE_DIR;
	const probe = probeEnv(dir, profileDir ? { LOOP_PROBE_CPU_PROFILE: join(resolve(profileDir), `samverkan-${Date.now()}.cpuprofile`) } : {});
	const server = await startServer({
		demo: !opts.databaseUrl,
		env: { ...opts.env, ...probe.env },
		...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
		...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {})
	});
	const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	const loop = loopReader(() => server.process.pid!, probe.file);
	await loop();
	return {
		kind: 'samverkan',
		label: 'Samverkan (durable, SQLite)',
		pid: server.process.pid!,
		wsBase: server.url.replace(/^http/, 'ws') + '/collab',
		cookie: admin.sessionCookie,
		databaseFile: server.databaseFile,
		databaseUrl: server.databaseUrl,
		admin,
		loopDelay: loop,
		restart: async () => {
			await server.stop({ keepData: true });
			rmSync(dir, { recursive: true, force: true });
			return startSamverkan({ ...opts, dataDir: server.dataDir });
		},
		stop: async () => {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function startChild(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
	const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script)], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const port = await new Promise<number>((res, rej) => {
		const timer = setTimeout(() => rej(new Error(`${script} did not start:\n${out}`)), 30_000);
		child.stdout!.on('data', () => {
			const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				res(Number(m[1]));
			}
		});
		child.once('exit', (code) => rej(new Error(`${script} exited with ${code}:\n${out}`)));
	});
	return { child, port };
}

export async function startYWebsocket(): Promise<ServerUnderTest> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-yws-'));
	// profiled like Samverkan, so that both profiles can be laid side by side
	const profileDir = process.env.BENCH_PROFILE_DIR;
	const probe = probeEnv(dir, profileDir ? { LOOP_PROBE_CPU_PROFILE: join(resolve(profileDir), `y-websocket-${Date.now()}.cpuprofile`) } : {});
	const { child, port } = await startChild('ywebsocket-server.ts', probe.env);
	const loop = loopReader(() => child.pid!, probe.file);
	await loop();
	return {
		kind: 'y-websocket',
		label: 'y-websocket server 0.1.1 (in memory)',
		pid: child.pid!,
		wsBase: `ws://127.0.0.1:${port}`,
		cookie: '',
		loopDelay: loop,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** `prepare` runs on the Hocuspocus database file before the server opens it (e.g. to store documents for a cold load). */
export async function startHocuspocus(prepare: (dbFile: string) => void): Promise<ServerUnderTest> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-hocuspocus-'));
	const probe = probeEnv(dir);
	const dbFile = join(dir, 'hocuspocus.db');
	prepare(dbFile);
	const { child, port } = await startChild('hocuspocus-server.ts', { ...probe.env, HOCUSPOCUS_DB: dbFile });
	const loop = loopReader(() => child.pid!, probe.file);
	await loop();
	return {
		kind: 'hocuspocus',
		label: 'Hocuspocus 3.4 + extension-database (SQLite)',
		pid: child.pid!,
		wsBase: `ws://127.0.0.1:${port}`,
		cookie: '',
		hocuspocusDb: dbFile,
		loopDelay: loop,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
