/**
 * Prints one closing line, "vitest: N passed, N failed, N skipped", that CI
 * reads to know how many tests ran. A file whose setup failed (its tests then
 * count as skipped) and errors outside any test are named too, so the line
 * never reads like a pass when the run failed.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
	onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>) {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		let failedFiles = 0;
		for (const mod of modules) {
			if (mod.state() === 'failed') failedFiles++;
			for (const test of mod.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') passed++;
				else if (state === 'failed') failed++;
				else skipped++;
			}
		}
		const extra = [failedFiles ? `${failedFiles} files failed` : '', errors.length ? `${errors.length} errors outside tests` : ''].filter(Boolean);
		console.log(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped${extra.length ? `; ${extra.join(', ')}` : ''}`);
	}
}
