/**
 * With TEST_TIMELINE=<file>, writes when each test file started and ended
 * (seconds since the run began, per project) so the run's critical path can
 * be read: which files run side by side, and which one holds up the end.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class TimelineReporter implements Reporter {
	private readonly began = Date.now();
	private readonly started = new Map<string, number>();
	private readonly rows: string[] = [];

	private seconds(): number {
		return (Date.now() - this.began) / 1000;
	}

	onTestModuleStart(mod: TestModule) {
		this.started.set(mod.id, this.seconds());
	}

	onTestModuleEnd(mod: TestModule) {
		const start = this.started.get(mod.id) ?? 0;
		const end = this.seconds();
		this.rows.push(`${start.toFixed(1).padStart(7)} ${end.toFixed(1).padStart(7)} ${(end - start).toFixed(1).padStart(6)}  ${mod.project.name.padEnd(15)} ${mod.moduleId.replace(process.cwd() + '/', '')}`);
	}

	onTestRunEnd() {
		const file = process.env.TEST_TIMELINE;
		if (!file) return;
		writeFileSync(file, ['  start     end   took  project         file', ...this.rows.sort()].join('\n') + '\n');
	}
}
