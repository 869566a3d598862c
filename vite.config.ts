import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import SpreadBrowserFiles from './tests/helpers/sequencer.ts';

/**
 * In `vite dev` there is no server/index.ts: route /collab/* websocket upgrades
 * of Vite's own http server to the same realtime module (loaded through Vite,
 * so it shares the App with the SvelteKit hooks). Every other upgrade,
 * including Vite's HMR socket, is left alone.
 */
function collabDevServer(): Plugin {
	type Realtime = { handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void };
	let realtime: Promise<Realtime> | null = null;
	return {
		name: 'samverkan-collab-dev',
		apply: 'serve',
		configureServer(server) {
			server.httpServer?.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
				if (!req.url?.startsWith('/collab/')) return;
				realtime ??= server
					.ssrLoadModule('/src/lib/server/app.ts')
					.then(async (mod) => ((await mod.app()) as { createRealtime(): Realtime }).createRealtime());
				realtime.then(
					(rt) => rt.handleUpgrade(req, socket, head),
					(err) => {
						realtime = null;
						server.config.logger.error(`collab: ${String(err)}`);
						socket.destroy();
					}
				);
			});
		}
	};
}

/**
 * The live room (socket.io on /socket.io) in `vite dev`: attached to Vite's own
 * http server once it listens, through the same App as the SvelteKit hooks.
 * socket.io leaves every other upgrade (HMR, /collab/) alone.
 */
function roomDevServer(): Plugin {
	return {
		name: 'samverkan-room-dev',
		apply: 'serve',
		configureServer(server) {
			const http = server.httpServer;
			if (!http) return;
			http.once('listening', () => {
				server
					.ssrLoadModule('/src/lib/server/app.ts')
					.then(async (mod) => ((await mod.app()) as { attachRoom(s: typeof http): unknown }).attachRoom(http))
					.catch((err) => server.config.logger.error(`room: ${String(err)}`));
			});
		}
	};
}

/** Loads the demo once per project run; demo test servers start from a copy. */
const DEMO_TEMPLATE = './tests/helpers/demo-template.setup.ts';

/**
 * Integration files about what is decided before the database is reached (request
 * bodies and headers, sign-in redirects and limits, protocol framing, back
 * pressure, validation messages, number formatting): their outcome cannot
 * depend on the engine, so they run once, on SQLite. Every file that stores,
 * reads or isolates data runs on both. Keeps CI well inside its 30 minutes.
 */
const ENGINE_INDEPENDENT = [
	'abuse-auth',
	'abuse-bodies',
	'api-login-limit',
	'collab-bad-input',
	'error-codes',
	'fault-fuzz-room',
	'fault-slow-reader',
	'kb-editor-form',
	'language-exports',
	'login-next',
	'observability',
	'room-slow-reader',
	'security-headers',
	'text-control-characters'
].map((name) => `tests/integration/${name}.test.ts`);

/** The integration suite (real servers, real database), with the database chosen by env. */
function integrationProject(name: string, env: Record<string, string>, globalSetup: string[] = [], exclude: string[] = []) {
	return {
		extends: true as const,
		test: {
			name,
			include: ['tests/integration/**/*.test.ts'],
			exclude,
			environment: 'node' as const,
			env,
			globalSetup,
			testTimeout: 30_000,
			hookTimeout: 60_000
		}
	};
}

export default defineConfig(({ command }) => ({
	plugins: [
		tailwindcss(),
		sveltekit(),
		collabDevServer(),
		roomDevServer(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// Swedish unless the user chose otherwise; the choice lives in a cookie.
			strategy: ['cookie', 'baseLocale']
		})
	],
	resolve: {
		// Two copies of these break them at run time ("Yjs was already imported").
		dedupe: ['svelte', 'yjs', 'lexical']
	},
	ssr: {
		// Lexical's default entry imports its development AND production builds
		// and picks one at run time: left external, the server loaded both (1.3 MB
		// of source for lexical alone, ~12 MiB of idle memory with @lexical/*).
		// Bundled, the build resolves the production build only. Only in the build:
		// vitest and `vite dev` would then mix an inlined and a loaded copy.
		noExternal: command === 'build' ? ['lexical', /^@lexical\//] : []
	},
	test: {
		reporters: ['default', './tests/helpers/summary-reporter.ts', './tests/helpers/timeline-reporter.ts'],
		// Integration files spend most of their time waiting on the server
		// processes they start, so three files at a time fit two cores; the
		// default (cores - 1) ran them one by one.
		maxWorkers: 3,
		// browser files start spread among the integration files, one browser at a time
		sequence: { sequencer: SpreadBrowserFiles },
		projects: [
			{
				extends: true,
				// pure modules without global mocks: one module graph per worker instead of one per file (45 s → 33 s)
				test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node', isolate: false }
			},
			integrationProject('integration', {}, [DEMO_TEMPLATE]),
			// The same suite on PostgreSQL, wherever a server to test on is given
			// (.ci/services starts one; CI always does).
			...(process.env.TEST_POSTGRES_URL
				? [
						integrationProject(
							'integration-pg',
							// The collab fuzzer attacks the protocol, which does not depend on the
							// engine: a smaller run here proves the PostgreSQL store survives it too.
							{ TEST_DATABASE: 'postgres', FUZZ_FRAMES: '2000' },
							[DEMO_TEMPLATE],
							ENGINE_INDEPENDENT
						)
					]
				: []),
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					// beforeAll may wait for another file's browser (tests/helpers/browser-lock.ts), and the
					// accessibility walk holds it for minutes: no e2e file sets a shorter one of its own
					hookTimeout: 1_200_000,
					globalSetup: [DEMO_TEMPLATE],
					// a live edit crosses two browsers and the server: allow it more than a second
					expect: { poll: { timeout: 5_000 } }
				}
			}
		]
	}
}));
