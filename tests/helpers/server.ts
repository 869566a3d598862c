/**
 * Starts the real server (the built app behind server/index.ts) as a child
 * process on a free port with its own database: a SQLite file, or, in the
 * PostgreSQL run of the suite (TEST_DATABASE=postgres), a fresh PostgreSQL
 * database. Tests talk to it over HTTP like any client; nothing of ours is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dropTestDatabase, testDatabaseFor } from './test-db';

export interface TestServer {
	url: string;
	port: number;
	dataDir: string;
	/** the SQLite file (meaningless in the PostgreSQL run: use databaseUrl) */
	databaseFile: string;
	/** DATABASE_URL of this server: share it with a second instance, or open it with tests/helpers/test-db.ts */
	databaseUrl: string;
	process: ChildProcess;
	/** graceful stop (SIGTERM), then removes the data directory unless keepData */
	stop(opts?: { keepData?: boolean }): Promise<void>;
	/** SIGKILL: no chance to flush anything */
	kill(): Promise<void>;
	output(): string;
}

export interface StartOptions {
	demo?: boolean;
	env?: Record<string, string>;
	/** reuse a data directory from an earlier server (restart tests); in the PostgreSQL run, its database too */
	dataDir?: string;
	/** use this database instead of a new one (a second instance of the same installation) */
	databaseUrl?: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
	if (!existsSync(join(ROOT, process.env.BUILD_DIR ?? 'build', 'handler.js'))) {
		throw new Error('No build: `npm test` builds first; run `npm run build` before running vitest directly.');
	}
	const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'samverkan-test-'));
	const databaseFile = join(dataDir, 'samverkan.db');
	// the demo without its year of history is what the run's demo template holds (demo-template.setup.ts)
	const demoCopy = opts.demo === true && opts.env?.SAMVERKAN_DEMO_HISTORY !== '1';
	const databaseUrl = opts.databaseUrl ?? (await testDatabaseFor(dataDir, { demoCopy }));
	// the compiled entry (npm run build) as `npm start` runs it; a build without it through tsx
	const compiled = join(ROOT, process.env.BUILD_DIR ?? 'build', 'start.js');
	const args = [...(existsSync(compiled) ? [compiled] : ['--import', 'tsx', 'server/index.ts']), ...(opts.demo ? ['--demo'] : [])];
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrl,
			LOG_LEVEL: 'warn',
			// the fixtures expect demo meetings they can still edit
			SAMVERKAN_DEMO_HISTORY: '0',
			// the demo's supplier admin signs in with a password alone; the two-factor tests turn the requirement on
			REQUIRE_2FA_SUPPLIER_ADMINS: 'false',
			...opts.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));

	const port = await new Promise<number>((resolvePort, reject) => {
		// loading the whole demo (with its year of history) rather than copying the template takes a while under load
		const timer = setTimeout(() => reject(new Error(`Server did not start in time:\n${out}`)), opts.demo && !demoCopy ? 120_000 : 90_000);
		const onData = () => {
			const match = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
			if (match) {
				clearTimeout(timer);
				resolvePort(Number(match[1]));
			}
		};
		child.stdout!.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`Server exited early with code ${code}:\n${out}`));
		});
	});

	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		dataDir,
		databaseFile,
		databaseUrl,
		process: child,
		output: () => out,
		async stop({ keepData = false } = {}) {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			if (keepData) return;
			rmSync(dataDir, { recursive: true, force: true });
			// a second instance leaves the shared database to the first
			if (!opts.databaseUrl) await dropTestDatabase(databaseUrl);
		},
		async kill() {
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}
