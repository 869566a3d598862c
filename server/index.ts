/**
 * The Node process: owns the HTTP server (so websockets can attach to it),
 * serves the SvelteKit handler, and shuts down gracefully.
 *
 *   node build/start.js [--demo] [--reset]   (this file compiled by `npm run build`: npm start)
 *   node --import tsx server/index.ts [--demo] [--reset]   (the same without compiling; tsx costs ~140 MiB)
 *
 * --demo   load demo data into an empty database and print the demo logins
 * --reset  delete the SQLite database first (with --demo: start the demo over)
 *
 * Domain code is never imported from src/ here: the SvelteKit build bundles it,
 * and its `init` hook registers the App on globalThis for us to use. (The
 * security headers are constants without state, shared with svelte.config.js.)
 */
import { createServer } from 'node:http';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../src/lib/server/http/security-headers.js';

const args = new Set(process.argv.slice(2));
const demo = args.has('--demo');
if (demo) {
	process.env.SAMVERKAN_DEMO = '1';
	// The demo's shared logins are for trying Samverkan out: its supplier admin is
	// not stopped at two-factor enrolment unless asked (REQUIRE_2FA_SUPPLIER_ADMINS=true).
	process.env.REQUIRE_2FA_SUPPLIER_ADMINS ??= 'false';
}
process.env.DATABASE_URL ??= 'sqlite:data/samverkan.db';
// adapter-node assumes https unless told otherwise. We serve plain http and take
// the scheme from X-Forwarded-Proto, which a TLS-terminating proxy sets to https
// (or set ORIGIN to the public URL).
process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// Ticket exports are large (the UCI log is 46 MB as CSV; the import page sends
// gzip, but API clients may not). JSON endpoints keep their own 1 MB limit.
process.env.BODY_SIZE_LIMIT ??= '64M';

if (args.has('--reset')) {
	const url = process.env.DATABASE_URL;
	if (/^postgres/.test(url)) throw new Error('--reset only resets the embedded SQLite database');
	const file = resolve(url.replace(/^(sqlite|file):(\/\/)?/, ''));
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	console.log(`Reset: removed ${file}`);
}

const handlerPath = resolve(process.env.BUILD_DIR ?? 'build', 'handler.js');
if (!existsSync(handlerPath)) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}

interface RegisteredApp {
	/** routes /collab/* websocket upgrades and attaches the live room (/socket.io/); other upgrades are left alone */
	attachRealtime(server: import('node:http').Server): { close(): Promise<void> };
	close(): Promise<void>;
}
const registry = globalThis as { [k: symbol]: Promise<RegisteredApp> | undefined };

// Importing the handler runs SvelteKit's init hook: database opened and migrated.
const { handler } = (await import(handlerPath)) as {
	handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void;
};
const app = await registry[Symbol.for('samverkan.app')];

const server = createServer((req, res) => {
	req.headers['x-forwarded-proto'] ??= 'http';
	// defaults for what is answered outside SvelteKit (static files, the 404 below);
	// SvelteKit's responses set their own values over these
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
server.keepAliveTimeout = 65_000;
const realtime = app?.attachRealtime(server);

// An upgrade on a path nobody in this process serves would hang until the
// client gives up: answer it. Extend the list when a websocket server is added.
const UPGRADE_PATHS = ['/collab/', '/socket.io/'];
server.on('upgrade', (req, socket) => {
	if (UPGRADE_PATHS.some((prefix) => req.url?.startsWith(prefix))) return;
	socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
	const { port: actual } = server.address() as AddressInfo;
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`Samverkan listening on http://${shown}:${actual}`);
	// Links in notification mails point here unless ORIGIN names the public URL.
	process.env.SAMVERKAN_LISTEN_ORIGIN = `http://${shown}:${actual}`;
	if (demo) {
		console.log('\nDemo logins (password demo1234):');
		for (const [email, who] of DEMO_LOGINS) console.log(`  ${email.padEnd(28)} ${who}`);
		if (process.env.REQUIRE_2FA_SUPPLIER_ADMINS === 'false')
			console.log('\nTwo-factor sign-in is not required of supplier admins in the demo (it is by default elsewhere); turn it on under Inställningar → Säkerhet.');
		console.log('\nStop with Ctrl+C. `npm run demo -- --reset` starts the demo over.');
	}
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: shutting down`);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	server.close();
	server.closeIdleConnections();
	// Websockets first: their documents are committed and compacted before the database closes.
	await realtime?.close();
	await app?.close();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

const DEMO_LOGINS = [
	['admin@itmastaren.example', 'IT-mästaren, supplier admin'],
	['bam@itmastaren.example', 'IT-mästaren, BAM'],
	['im@itmastaren.example', 'IT-mästaren, Incident Manager'],
	['cm@itmastaren.example', 'IT-mästaren, Change Manager'],
	['avtal@norrby.example', 'Norrby kommun, customer admin (Avtalsansvarig)'],
	['it@norrby.example', 'Norrby kommun, customer member (IT-ansvarig)'],
	['avtal@vattensyd.example', 'Vattenbolaget Syd AB, customer admin (Avtalsansvarig)']
] as const;
