/**
 * Preloaded into every server under test (NODE_OPTIONS=--import): records the
 * server's event-loop delay. SIGUSR2 writes the figures since the last signal
 * to LOOP_PROBE_FILE and starts over, so the bench reads one window per
 * scenario. With it go the process's memory figures after a full garbage
 * collection (heap used, external and array buffers, RSS), so the bench can
 * tell what open documents cost. LOOP_PROBE_CPU_PROFILE=<file>: CPU profiles
 * (NODE_OPTIONS does not take --cpu-prof), one per window between two signals
 * (<file>.<n>.cpuprofile, n counting the signals) and the rest of the run when
 * the process exits (<file>). Plain JavaScript, so it needs no loader of its own.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const file = process.env.LOOP_PROBE_FILE;
if (file) {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc');
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	// The longest garbage-collection pause of the window, to tell a collection from our own work;
	// not the full collections this probe forces (their entries arrive after the window is read).
	let gcMax = 0;
	/** all of the window's collection pauses, to compare how much garbage each server makes */
	let gcTotal = 0;
	/** which kind of collection the longest pause was (minor: scavenge of the young generation; major: mark-compact) */
	let gcMaxKind = '';
	const kinds = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks' };
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			if (entry.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) continue;
			if (entry.duration > gcMax) gcMaxKind = kinds[entry.detail.kind] ?? String(entry.detail.kind);
			gcMax = Math.max(gcMax, entry.duration);
			gcTotal += entry.duration;
		}
	}).observe({ entryTypes: ['gc'] });
	/** numbers the answers, so the bench can tell a fresh one from the last */
	let answer = 0;
	process.on('SIGUSR2', () => {
		const ms = (ns) => ns / 1e6;
		const loop = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), gcMax, gcMaxKind, gcTotal };
		// The collection itself would show as a stall: measured after the window is read.
		gc();
		const m = process.memoryUsage();
		writeFileSync(file, JSON.stringify({ ...loop, heapUsed: m.heapUsed, external: m.external, rss: m.rss, answer: ++answer }));
		delay.reset();
		gcMax = 0;
		gcMaxKind = '';
		gcTotal = 0;
		profileWindow?.(answer);
	});
}

/** writes the profile of the window that just ended and starts the next */
let profileWindow = null;
const profile = process.env.LOOP_PROBE_CPU_PROFILE;
if (profile) {
	const session = new Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', { interval: 1000 });
	session.post('Profiler.start');
	profileWindow = (n) =>
		session.post('Profiler.stop', (err, result) => {
			if (!err) writeFileSync(`${profile}.${n}.cpuprofile`, JSON.stringify(result.profile));
			session.post('Profiler.start');
		});
	// An in-process session answers synchronously, so this works in 'exit'.
	process.on('exit', () => session.post('Profiler.stop', (err, result) => err || writeFileSync(profile, JSON.stringify(result.profile))));
}
