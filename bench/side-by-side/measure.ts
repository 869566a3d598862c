/**
 * What both benches measure with (side-by-side/run.ts and scale-out.ts): the
 * generator's worker threads, percentiles, and a server process's CPU, memory
 * and the machine it runs on, read from /proc.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readStoredDoc } from '../../tests/helpers/collab-db';
import type { DoneMessage, WorkerInput } from './worker';

export interface Stats {
	p50: number;
	p99: number;
	max: number;
	n: number;
}

export function stats(samples: ArrayLike<number>): Stats {
	const s = Float64Array.from(samples).sort();
	const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN);
	return { p50: at(0.5), p99: at(0.99), max: s.length ? s[s.length - 1] : NaN, n: s.length };
}

export function cpuSeconds(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return NaN;
	}
}

export function rssMb(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : NaN;
	} catch {
		return NaN;
	}
}

export function startWorker(input: WorkerInput): Worker {
	const entry = fileURLToPath(new URL('./worker.ts', import.meta.url));
	return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: input });
}

export const next = <T>(w: Worker, type: string) =>
	new Promise<T>((res, rej) => {
		w.on('message', (m: { type: string }) => m.type === type && res(m as T));
		w.once('error', rej);
	});

export function machine() {
	let nproc = String(cpus().length);
	try {
		nproc = execFileSync('nproc').toString().trim();
	} catch {
		/* os.cpus() then */
	}
	return { nproc, model: cpus()[0]?.model ?? 'unknown', memGb: (totalmem() / 2 ** 30).toFixed(1), node: process.version };
}
export const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');


export const f1 = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–');
export const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
export const MiB = 2 ** 20;
export const KiB = 2 ** 10;

/**
 * Durable before relay: once a writer's last update has reached the readers,
 * it is in the database. Counts the writers whose last update is not stored
 * right after a run; a backlog not yet committed is not lost (nothing is
 * relayed before its commit), so it looks again 5 s later and says so.
 */
export async function writersNotStored(databaseUrl: string, clients: WorkerInput['clients'], results: DoneMessage[]): Promise<number> {
	const last = new Map(results.flatMap((r) => r.lastSeq));
	const missing = async () => {
		let n = 0;
		for (const doc of new Set(clients.map((c) => c.doc))) {
			const storedDoc = await readStoredDoc(databaseUrl, doc);
			const stored = storedDoc.getMap<{ seq: number }>('bench');
			for (const c of clients.filter((x) => x.doc === doc && x.writes)) if ((stored.get(c.key)?.seq ?? 0) !== last.get(c.key)) n++;
			storedDoc.destroy();
		}
		return n;
	};
	const right = await missing();
	if (right > 0) {
		await new Promise((r) => setTimeout(r, 5000));
		console.log(`  ${right} writers' last update not in the database right after the run, ${await missing()} five seconds later`);
	}
	return right;
}
