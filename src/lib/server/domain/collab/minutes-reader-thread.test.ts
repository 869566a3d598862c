import { afterEach, describe, expect, it } from 'vitest';
import { $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import { $createDecisionNode } from '$lib/editor/decision-node';
import { headlessMinutes } from './headless-minutes';
import { blocksOf, digestOf, readMinutesState } from './minutes-reader';
import { MinutesReaderThread, minutesWorkerScript } from './minutes-reader-thread';
import { seedMinutes } from './seed-minutes';

function minutesWithDecision(): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, seedMinutes([{ kind: 'other', title: { sv: 'Övrigt', en: 'Other' }, minutes: 5 }]));
	const { editor, follow, write } = headlessMinutes(doc);
	follow();
	write();
	editor.update(() => {
		$getRoot().append($createDecisionNode('d-1').append($createTextNode('Vi byter leverantör av kaffe.')));
	}, { discrete: true });
	return doc;
}

const threads: MinutesReaderThread[] = [];
const thread = (...args: ConstructorParameters<typeof MinutesReaderThread>) => {
	const t = new MinutesReaderThread(...args);
	threads.push(t);
	return t;
};
afterEach(async () => {
	for (const t of threads.splice(0)) await t.close();
});

describe('minutes reader thread', () => {
	it('reads in its thread what the process would read', async () => {
		const doc = minutesWithDecision();
		const reader = thread();
		const [a, b] = await Promise.all([reader.read(Y.encodeStateAsUpdate(doc)), reader.read(Y.encodeStateAsUpdate(doc))]);
		expect(a).toEqual(digestOf(blocksOf(readMinutesState(doc))));
		expect(b).toEqual(a);
		expect(a.decisions).toEqual([{ id: 'd-1', text: 'Vi byter leverantör av kaffe.' }]);
		expect(reader.counts).toEqual({ inThread: 2, inProcess: 0 });
	});

	it('stops its thread when idle and starts another for the next read', async () => {
		const reader = thread(minutesWorkerScript(), 20);
		const update = Y.encodeStateAsUpdate(minutesWithDecision());
		await reader.read(update);
		expect(reader.running).toBe(true);
		await new Promise((r) => setTimeout(r, 200));
		expect(reader.running).toBe(false);
		expect((await reader.read(update)).decisions).toHaveLength(1);
		expect(reader.counts).toEqual({ inThread: 2, inProcess: 0 });
	});

	it('reads in the process when its code is missing, and says so once', async () => {
		const reader = thread({ url: new URL('file:///nonexistent/minutes-reader.js') });
		const update = Y.encodeStateAsUpdate(minutesWithDecision());
		expect(await reader.read(update)).toEqual(digestOf(blocksOf(readMinutesState(minutesWithDecision()))));
		await reader.read(update);
		expect(reader.counts).toEqual({ inThread: 0, inProcess: 2 });
	});

	it('reads in the process what a thread that died had not answered', async () => {
		// a thread that takes the request and exits without answering
		const dying = new URL(`data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));")}`);
		const reader = thread({ url: dying });
		const doc = minutesWithDecision();
		expect(await reader.read(Y.encodeStateAsUpdate(doc))).toEqual(digestOf(blocksOf(readMinutesState(doc))));
		expect(reader.counts).toEqual({ inThread: 0, inProcess: 1 });
	});

	it('passes on what the document cannot be read for', async () => {
		const reader = thread();
		await expect(reader.read(new Uint8Array([1, 2, 3]))).rejects.toThrow();
	});
});
