/**
 * Prometheus metrics of this instance (GET /metrics): Node's own process
 * metrics from prom-client, plus what the parts of the app report about
 * themselves. Each part hands over a plain function of numbers, so nothing
 * here knows about documents or rooms, and a scrape reads current values
 * instead of every change updating a metric.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricDefinition {
	/** snake_case, without the samverkan_ prefix; counters end in _total */
	name: string;
	help: string;
	kind: 'gauge' | 'counter';
	read(): number;
}

export function createMetricsRegistry(instance: string, definitions: MetricDefinition[]): Registry {
	const registry = new Registry();
	registry.setDefaultLabels({ instance });
	collectDefaultMetrics({ register: registry, prefix: 'samverkan_' });
	for (const d of definitions) {
		const name = `samverkan_${d.name}`;
		if (d.kind === 'gauge') {
			new Gauge({
				name,
				help: d.help,
				registers: [registry],
				collect() {
					this.set(d.read());
				}
			});
		} else {
			// a counter kept elsewhere: report its running total as it is now
			new Counter({
				name,
				help: d.help,
				registers: [registry],
				collect() {
					this.reset();
					this.inc(d.read());
				}
			});
		}
	}
	return registry;
}
