/**
 * Reads minutes documents in a worker thread. Reading one means running
 * Lexical headless through @lexical/yjs (minutes-reader.ts): 2–3 ms for a
 * short agenda's minutes once the code is warm, 12–13 ms for 112 KiB, 67–100
 * ms for 576 KiB (`npm run bench:minutes`), and 15–25 ms the first time in a
 * process. On the event loop every
 * edit and every join of every document waited for that; a busy meeting's
 * minutes are projected every two seconds (projector.ts).
 *
 * One thread, started at the first read and stopped after ten minutes without
 * one, so an idle server holds no second V8 heap (~15 MiB), and at the lowest
 * priority (it lowers its own: minutes-reader.worker.ts), so that on busy
 * cores it never takes time from the event loop: starting it costs ~60 ms of
 * CPU, and the first read in a fresh thread 15–25 ms. Should the thread fail to
 * start or die, the reads it had are done in the process instead (and, if it
 * never started, every later one): a projection is never lost to it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { digestMinutesUpdate, type MinutesDigest } from './minutes-reader';
import { READY, type ReadReply, type ReadRequest } from './minutes-reader-protocol';

/** Turns a minutes document's encoded state into what the projection writes. */
export interface MinutesReader {
	read(update: Uint8Array): Promise<MinutesDigest>;
}

/** The same reading, in the calling thread (tests, and when no thread is to be had). */
export const readMinutesInProcess: MinutesReader = {
	read: async (update) => digestMinutesUpdate(update)
};

interface Waiting {
	update: Uint8Array;
	resolve: (digest: MinutesDigest) => void;
	reject: (err: Error) => void;
}

export interface WorkerScript {
	url: URL;
}

/**
 * Where the thread's code is. From source (vitest, `vite dev`) this module is
 * TypeScript and so is the entry, run through tsx
 * (minutes-reader.worker-source.mjs); in the build it is a chunk, and
 * scripts/build-server.mjs has bundled the entry into the build directory
 * (BUILD_DIR, as server/index.ts finds the handler).
 */
export function minutesWorkerScript(): WorkerScript {
	if (import.meta.url.endsWith('.ts')) return { url: new URL('./minutes-reader.worker-source.mjs', import.meta.url) };
	return { url: pathToFileURL(resolve(process.env.BUILD_DIR ?? 'build', 'workers', 'minutes-reader.js')) };
}

export class MinutesReaderThread implements MinutesReader {
	private worker: Worker | null = null;
	private readonly waiting = new Map<number, Waiting>();
	private nextId = 1;
	private idleTimer: ReturnType<typeof setTimeout> | null = null;
	/** the thread could not be started: reads are done in the process */
	private unavailable = false;
	/** reads done in the thread and in the process (metrics, tests) */
	readonly counts = { inThread: 0, inProcess: 0 };

	constructor(
		private readonly script: WorkerScript = minutesWorkerScript(),
		private readonly idleMs = 600_000
	) {}

	read(update: Uint8Array): Promise<MinutesDigest> {
		if (this.unavailable) return this.readHere(update);
		const worker = this.worker ?? this.start();
		if (!worker) return this.readHere(update);
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, { update, resolve, reject });
			worker.postMessage({ id, update } satisfies ReadRequest);
		});
	}

	/** Stops the thread; reads still waiting for it are done in the process. */
	async close(): Promise<void> {
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		const worker = this.worker;
		this.worker = null;
		this.takeBackWaiting();
		await worker?.terminate();
	}

	/** whether a thread is running now */
	get running(): boolean {
		return this.worker !== null;
	}

	private start(): Worker | null {
		if (this.script.url.protocol === 'file:' && !existsSync(fileURLToPath(this.script.url))) {
			this.giveUp(`${fileURLToPath(this.script.url)} is missing (npm run build makes it)`);
			return null;
		}
		const worker = new Worker(this.script.url);
		// a thread that reads nothing must not keep the process alive
		worker.unref();
		// ready once its code is loaded (it says so): an error before that means it cannot run here
		let ready = false;
		worker.on('message', (reply: ReadReply | typeof READY) => {
			if (reply === READY) ready = true;
			else this.settle(reply);
		});
		worker.once('error', (err) => {
			if (!ready) this.giveUp(err.message);
			else console.error('minutes reader thread failed; its reads are done in the process', err);
		});
		worker.once('exit', () => {
			if (this.worker !== worker) return;
			this.worker = null;
			this.takeBackWaiting();
		});
		this.worker = worker;
		return worker;
	}

	private settle(reply: ReadReply): void {
		const w = this.waiting.get(reply.id);
		if (!w) return;
		this.waiting.delete(reply.id);
		this.counts.inThread++;
		if ('error' in reply) w.reject(new Error(reply.error));
		else w.resolve(reply.digest);
		if (this.waiting.size === 0) this.stopWhenIdle();
	}

	private stopWhenIdle(): void {
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
		this.idleTimer.unref();
	}

	/** The thread is gone: what it had not answered is read here. */
	private takeBackWaiting(): void {
		const waiting = [...this.waiting.values()];
		this.waiting.clear();
		for (const w of waiting) this.readHere(w.update).then(w.resolve, w.reject);
	}

	private giveUp(reason: string): void {
		if (!this.unavailable) console.error(`minutes reader thread unavailable, reading minutes in the process: ${reason}`);
		this.unavailable = true;
	}

	private readHere(update: Uint8Array): Promise<MinutesDigest> {
		this.counts.inProcess++;
		return readMinutesInProcess.read(update);
	}
}
