/**
 * Benchmark of reading minutes for the projection (issue 19; not a test): how
 * long the event loop is held per read, with the minutes read on the event
 * loop (as until session 15) and in the reader thread
 * (src/lib/server/domain/collab/minutes-reader-thread.ts), for minutes of
 * three sizes written the way the editor writes them (headless Lexical
 * through @lexical/yjs): a short agenda's, a long meeting's, and an extreme.
 *
 *   npm run bench:minutes
 *
 * Per size and way: 3 reads to warm up, then BENCH_READS (default 30); the
 * longest gap between the ticks of a 1 ms timer during each read (what every
 * edit and join of every document would have waited) and the read's own
 * time, p50 and max. Writes bench/results/minutes-reader-<date>.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import { $createDecisionNode } from '../src/lib/editor/decision-node.ts';
import { headlessMinutes } from '../src/lib/server/domain/collab/headless-minutes.ts';
import { MinutesReaderThread, readMinutesInProcess, type MinutesReader } from '../src/lib/server/domain/collab/minutes-reader-thread.ts';
import { seedMinutes } from '../src/lib/server/domain/collab/seed-minutes.ts';
import { f1, load, machine, stats } from './side-by-side/measure.ts';

const READS = Number(process.env.BENCH_READS ?? 30);
const SIZES = [8, 80, 400];

/** Minutes with one section per agenda item: a heading, two paragraphs and a decision, as an editor writes them. */
function minutes(items: number): Uint8Array {
	const agenda = Array.from({ length: items }, (_, i) => ({
		kind: 'other' as const,
		title: { sv: `Punkt ${i + 1}: driftläget och ändringar`, en: `Item ${i + 1}` },
		minutes: 5,
		paragraphs: [`Genomgång av incidenter och ändringar sedan förra mötet, punkt ${i + 1}.`, 'Leverantören redogjorde för läget; kunden ställde frågor om tidplanen.']
	}));
	const doc = new Y.Doc();
	Y.applyUpdate(doc, seedMinutes(agenda));
	const { editor, follow, write } = headlessMinutes(doc);
	follow();
	write();
	editor.update(() => {
		for (let i = 0; i < items; i++) $getRoot().append($createDecisionNode(`d-${i}`).append($createTextNode(`Beslut ${i + 1}: vi går vidare enligt förslaget.`)));
	}, { discrete: true });
	return Y.encodeStateAsUpdate(doc);
}


/** The longest gap between the ticks of a 1 ms timer while `fn` runs: how long the event loop was held. */
async function heldWhile(fn: () => Promise<unknown>): Promise<number> {
	let last = performance.now();
	let longest = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 1);
	// the ticker runs before the read starts
	await new Promise((r) => setTimeout(r, 3));
	last = performance.now();
	longest = 0;
	await fn();
	// and sees the turn the read ended in
	await new Promise((r) => setTimeout(r, 3));
	clearInterval(ticker);
	return Math.max(0, longest - 1);
}

async function measure(reader: MinutesReader, update: Uint8Array) {
	const blocked: number[] = [];
	const took: number[] = [];
	for (let i = 0; i < 3 + READS; i++) {
		let ms = 0;
		const held = await heldWhile(async () => {
			const start = performance.now();
			await reader.read(update);
			ms = performance.now() - start;
		});
		if (i < 3) continue;
		took.push(ms);
		blocked.push(held);
	}
	return { blocked, took };
}

const rows: string[] = [];
const thread = new MinutesReaderThread();
// the thread's start and first read, cold
const firstUpdate = minutes(SIZES[0]);
const coldStart = performance.now();
await thread.read(firstUpdate);
const cold = performance.now() - coldStart;
for (const items of SIZES) {
	const update = minutes(items);
	let threadRead = 0;
	for (const [way, reader] of [['on the event loop', readMinutesInProcess], ['in the reader thread', thread]] as const) {
		const { blocked, took } = await measure(reader, update);
		const [held, read] = [stats(blocked), stats(took)];
		if (reader === thread) threadRead = read.p50;
		rows.push(`| ${items} items, ${f1(update.byteLength / 1024)} KiB | ${way} | ${f1(held.p50)} | ${f1(held.max)} | ${f1(read.p50)} | ${f1(read.max)} |`);
		console.log(rows.at(-1));
	}
	// the control: nothing read, a wait as long as the thread's read (the machine's own scheduling)
	const idle = await measure({ read: () => new Promise((r) => setTimeout(() => r({ text: '', decisions: [] }), threadRead)) }, update);
	const [held, read] = [stats(idle.blocked), stats(idle.took)];
	rows.push(`| ${items} items | nothing read: a wait as long (control) | ${f1(held.p50)} | ${f1(held.max)} | ${f1(read.p50)} | ${f1(read.max)} |`);
	console.log(rows.at(-1));
}
await thread.close();

const date = new Date();
const m = machine();
const text = [
	`# Reading minutes for the projection, ${date.toISOString().slice(0, 10)}`,
	'',
	`Run ${date.toISOString()} by \`npm run bench:minutes\` (bench/minutes-reader.ts): ${READS} reads per row after 3 to warm up.`,
	`Machine: ${m.nproc} CPUs (nproc), ${m.model}, ${m.memGb} GiB memory, Node ${m.node}; load average ${load()} at the end (1/5/15 min).`,
	'',
	'"Event loop held" is the longest gap between the ticks of a 1 ms timer during a read, less its 1 ms: what every edit and join',
	'of every open document waits for while the projection reads. "Read" is the time until the blocks are there.',
	'The control rows read nothing and wait as long as the thread took: what the timer shows of the machine itself when nothing runs.',
	'While the thread reads, the timer shows gaps of a few ms that a CPU profile of the main thread does not (it is idle then): the machine',
	'wakes the main thread late while the other core is busy; the event loop itself carries only the request and the small reply.',
	`The thread's start and first read (cold, ${SIZES[0]} items): ${f1(cold)} ms.`,
	'',
	'| minutes | read | event loop held p50 ms | max ms | read p50 ms | max ms |',
	'|---|---|---|---|---|---|',
	...rows,
	''
].join('\n');
const out = join(import.meta.dirname, 'results', `minutes-reader-${date.toISOString().slice(0, 10)}.md`);
writeFileSync(out, text);
console.log(`written to ${out}`);
