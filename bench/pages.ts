/**
 * Benchmark of the main pages (issue 18, point 5; not a test): the real built
 * server as a child process with the demo and its history, measured twice —
 * quiet, and while the same server carries a meeting in progress.
 *
 *   npm run build && npm run bench:pages
 *   BENCH_ROUNDS=10 npm run bench:pages           (a quick run)
 *   BENCH_BROWSER_ROUNDS=10 BENCH_LABEL=b …        (browser loads per page and person; results/pages-<date>-b.md)
 *
 * Pages: home, a forum, a held meeting (approved minutes), the meeting in
 * progress, its room, the customer's portal and its SLA report; as the
 * supplier's account manager and as the customer's contract owner.
 * - "server answer": a GET with the session cookie, until the whole HTML has
 *   arrived (what the server does for a page: its load functions and SSR).
 * - "DOMContentLoaded": the same page in Chromium (headless), from the
 *   navigation's start (`PerformanceNavigationTiming.domContentLoadedEventEnd`).
 * The meeting in progress: 50 people in its minutes (10 writing a paragraph
 * each every 2 s through a headless Lexical editor, as the browser does; 40
 * reading), the room with 50 participants while the presenter moves a slide
 * every 2 s, and a projector following. Writes bench/results/pages-<date>.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { chromium, type Browser } from 'playwright-core';
import * as Y from 'yjs';
import { meetingMinutesDoc } from '../src/lib/realtime/doc-names';
import { headlessMinutes } from '../src/lib/server/domain/collab/headless-minutes';
import { ApiClient } from '../tests/helpers/api-client';
import { connectClient, synced, type CollabClient } from '../tests/helpers/collab-client';
import { demoIds, NORRBY } from '../tests/helpers/demo-ids';
import { connected, roomClient, type RoomClient } from '../tests/helpers/room-client';
import { startServer, type TestServer } from '../tests/helpers/server';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const BROWSER_ROUNDS = Number(process.env.BENCH_BROWSER_ROUNDS ?? Math.max(3, Math.round(ROUNDS / 3)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PEOPLE = { supplier: 'bam@itmastaren.example', customer: 'avtal@norrby.example' } as const;
/** the demo's people, whose sessions the load shares (the login limiter refuses 100 logins from one address) */
const CROWD = ['it@norrby.example', 'avtal@norrby.example', 'tjanst@norrby.example', 'admin@itmastaren.example', 'im@itmastaren.example', 'cm@itmastaren.example', 'tam@itmastaren.example'];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PageUnderTest {
	name: string;
	path: string;
}

interface Row {
	phase: string;
	who: string;
	page: string;
	server: number[];
	dcl: number[];
	/** DOMContentLoaded of the first load, with an empty cache */
	cold: number;
	/** the server process's CPU time per answer (ms; in the busy phase it includes the meeting's own work meanwhile) */
	cpu: number;
}

/** CPU time (user + system, ms) the server process has used so far: /proc/<pid>/stat, in clock ticks of 10 ms. */
function cpuMs(pid: number | undefined): number {
	if (!pid || !existsSync(`/proc/${pid}/stat`)) return NaN;
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function serverAnswer(url: string, cookie: string): Promise<number> {
	const start = performance.now();
	const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
	await res.text();
	if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
	return performance.now() - start;
}

/**
 * DOMContentLoaded of `rounds` loads in one browser context, each from a blank
 * page (so a load does not pay for tearing the previous page down), after a
 * first load with an empty cache (`cold`: the page's scripts and styles
 * fetched; the loads after it find them cached, as every later visit does).
 */
async function domContentLoaded(browser: Browser, base: string, cookie: string, path: string, rounds: number): Promise<{ cold: number; warm: number[] }> {
	const [name, value] = cookie.split(';')[0].split('=');
	const context = await browser.newContext({ baseURL: base });
	await context.addCookies([{ name, value, url: base }]);
	const page = await context.newPage();
	const load = async () => {
		await page.goto('about:blank');
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
	};
	try {
		const cold = await load();
		const warm: number[] = [];
		for (let i = 0; i < rounds; i++) warm.push(await load());
		return { cold, warm };
	} finally {
		await context.close();
	}
}

/** A meeting in progress: people in its minutes and its room, writing, presenting. Returns its stop. */
async function meetingInProgress(server: TestServer, meetingId: string, cookies: string[], presenterCookie: string): Promise<() => Promise<void>> {
	const writers: { client: CollabClient; write: () => void }[] = [];
	const readers: CollabClient[] = [];
	for (let i = 0; i < 50; i++) {
		const cookie = cookies[i % cookies.length];
		if (i < 10) {
			// the editor is bound before the client connects, so the document's content flows into it
			const doc = new Y.Doc();
			const { editor, follow, write } = headlessMinutes(doc);
			follow();
			write();
			const client = connectClient(server.url, meetingMinutesDoc(meetingId), cookie, { doc });
			writers.push({
				client,
				write: () => editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(`Anteckning ${i} ${new Date().toISOString()}`))), { discrete: true })
			});
		} else readers.push(connectClient(server.url, meetingMinutesDoc(meetingId), cookie));
	}
	await Promise.all([...writers.map((w) => synced(w.client, 30_000)), ...readers.map((r) => synced(r, 30_000))]);

	const room: RoomClient[] = [];
	const presenter = roomClient(server.url, presenterCookie);
	room.push(presenter);
	await connected(presenter);
	await presenter.join(meetingId);
	for (let i = 0; i < 50; i++) {
		const c = roomClient(server.url, cookies[i % cookies.length]);
		room.push(c);
		await connected(c);
		await c.join(meetingId);
	}
	await presenter.send('present:start', {});

	let running = true;
	let slide = 0;
	const loop = (async () => {
		while (running) {
			for (const w of writers) w.write();
			await presenter.send('slide:go', { slide: ++slide % 7 });
			await sleep(2_000);
		}
	})();
	return async () => {
		running = false;
		await loop;
		for (const c of room) c.close();
		for (const w of writers) w.client.destroy();
		for (const r of readers) r.destroy();
	};
}

async function measure(phase: string, server: TestServer, browser: Browser, cookies: Record<keyof typeof PEOPLE, string>, pages: PageUnderTest[]): Promise<Row[]> {
	const rows: Row[] = [];
	for (const who of Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]) {
		for (const p of pages) {
			// warm-up: the first answer compiles and fills caches
			await serverAnswer(`${server.url}${p.path}`, cookies[who]);
			const server_: number[] = [];
			const cpuBefore = cpuMs(server.process.pid);
			for (let i = 0; i < ROUNDS; i++) server_.push(await serverAnswer(`${server.url}${p.path}`, cookies[who]));
			const cpu = (cpuMs(server.process.pid) - cpuBefore) / ROUNDS;
			const { cold, warm } = await domContentLoaded(browser, server.url.replace('127.0.0.1', 'localhost'), cookies[who], p.path, BROWSER_ROUNDS);
			const dcl = warm.sort((a, b) => a - b);
			rows.push({ phase, who, page: p.name, server: server_.sort((a, b) => a - b), cpu, dcl, cold });
			console.log(`${phase} · ${who} · ${p.name}: server p95 ${quantile(server_, 0.95).toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms), DCL p95 ${quantile(dcl, 0.95).toFixed(0)} ms (first load ${cold.toFixed(0)} ms), load ${loadavg()[0].toFixed(1)}`);
		}
	}
	return rows;
}

async function main() {
	const loadBefore = loadavg();
	const server = await startServer({ demo: true, env: { SAMVERKAN_DEMO_HISTORY: '1' } });
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
	try {
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		const tactical = norrby.forums.tactical.id;
		const cookies = {
			supplier: (await new ApiClient(server.url).login(PEOPLE.supplier)).sessionCookie,
			customer: (await new ApiClient(server.url).login(PEOPLE.customer)).sessionCookie
		};
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const meetings = (await admin.json('GET', `/api/v1/forums/${tactical}/meetings`)).body.meetings as { id: string; status: string }[];
		const held = meetings.find((m) => m.status === 'minutes_approved' || m.status === 'confirmed');
		if (!held) throw new Error('the demo has no approved meeting in the tactical forum');
		const created = await admin.json('POST', `/api/v1/forums/${tactical}/meetings`, { title: 'Pågående möte (bench)', startsAt: '2031-03-03T09:00', endsAt: '2031-03-03T11:00' });
		const live = created.body.meeting.id as string;
		const started = await new ApiClient(server.url).login(PEOPLE.customer).then((c) => c.json('POST', `/api/v1/meetings/${live}/start`, { confirmEarly: true }));
		if (started.status !== 200) throw new Error(`could not start the bench meeting: ${started.status}`);

		const pages: PageUnderTest[] = [
			{ name: 'home', path: '/' },
			{ name: 'forum', path: `/forums/${tactical}` },
			{ name: 'meeting (approved)', path: `/meetings/${held.id}` },
			{ name: 'meeting (in progress)', path: `/meetings/${live}` },
			{ name: 'room', path: `/meetings/${live}/room` },
			{ name: 'portal', path: `/customers/${norrby.id}/portal` },
			{ name: 'SLA report', path: `/customers/${norrby.id}/portal/sla` }
		];

		const quiet = await measure('quiet', server, browser, cookies, pages);
		const crowd = await Promise.all(CROWD.map(async (e) => (await new ApiClient(server.url).login(e)).sessionCookie));
		const stop = await meetingInProgress(server, live, crowd, (await new ApiClient(server.url).login('bam@itmastaren.example')).sessionCookie);
		let busy: Row[];
		try {
			await sleep(3_000);
			busy = await measure('meeting in progress', server, browser, cookies, pages);
		} finally {
			await stop();
		}

		const loadAfter = loadavg();
		const date = new Date().toISOString().slice(0, 10);
		const ms = (v: number) => v.toFixed(0);
		const table = (rows: Row[]) =>
			rows.map((r) => `| ${r.who} | ${r.page} | ${ms(quantile(r.server, 0.5))} | **${ms(quantile(r.server, 0.95))}** | ${ms(r.cpu)} | ${ms(quantile(r.dcl, 0.5))} | **${ms(quantile(r.dcl, 0.95))}** | ${ms(r.cold)} |`).join('\n');
		const worst = (rows: Row[], key: 'server' | 'dcl') => Math.max(...rows.map((r) => quantile(r[key], 0.95)));
		const report = `# Main pages benchmark (${date})

The built server with the demo and its history (SQLite), ${ROUNDS} server answers and ${BROWSER_ROUNDS} browser loads per page and person
(after one warm-up each: the server's first answer; the browser's first load with an empty cache, shown in its own column). Each browser
load starts from a blank page. "Server CPU per answer" is the server process's CPU time over the answers ÷ their number
(/proc, 10 ms ticks): what the page costs, whatever the machine's load; during the meeting it includes the meeting's own work.
Targets (issue 18): server answer p95 < 150 ms, DOMContentLoaded p95 < 500 ms.

## Quiet server

| person | page | server p50 (ms) | server p95 (ms) | server CPU per answer (ms) | DOMContentLoaded p50 (ms) | DOMContentLoaded p95 (ms) | first load, empty cache (ms) |
|---|---|---:|---:|---:|---:|---:|---:|
${table(quiet)}

Worst p95: server ${ms(worst(quiet, 'server'))} ms, DOMContentLoaded ${ms(worst(quiet, 'dcl'))} ms.

## While the server carries a meeting in progress

50 people in the minutes (10 writing a paragraph each every 2 s, 40 reading), 51 in the room with the presenter moving a slide every 2 s.

| person | page | server p50 (ms) | server p95 (ms) | server CPU per answer (ms) | DOMContentLoaded p50 (ms) | DOMContentLoaded p95 (ms) | first load, empty cache (ms) |
|---|---|---:|---:|---:|---:|---:|---:|
${table(busy)}

Worst p95: server ${ms(worst(busy, 'server'))} ms, DOMContentLoaded ${ms(worst(busy, 'dcl'))} ms.

## Machine

- ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, Chromium headless
- The load (collab clients, room clients, the browser) runs on the same machine as the server.
- Load average (1, 5, 15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; after: ${loadAfter.map((l) => l.toFixed(2)).join(', ')}.
`;
		const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), 'results');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `pages-${date}${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : ''}.md`);
		writeFileSync(file, report);
		console.log(report);
		console.log(`written: ${file}`);
	} finally {
		await browser.close();
		await server.stop();
	}
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
