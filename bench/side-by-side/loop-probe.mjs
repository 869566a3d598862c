/**
 * Preloaded into every server under test (NODE_OPTIONS=--import): records the
 * server's event-loop delay. SIGUSR2 writes the figures since the last signal
 * to LOOP_PROBE_FILE and starts over, so the bench reads one window per
 * scenario. Plain JavaScript, so it needs no loader of its own.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.LOOP_PROBE_FILE;
if (file) {
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	process.on('SIGUSR2', () => {
		const ms = (ns) => ns / 1e6;
		writeFileSync(file, JSON.stringify({ p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) }));
		delay.reset();
	});
}
