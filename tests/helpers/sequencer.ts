/**
 * The order in which test files start, on one worker pool:
 *  - unit files first (quick, and the one long import test starts early);
 *  - then the integration files of both engines in vitest's own order (longest
 *    first where a previous run is cached, largest first otherwise), with the
 *    browser files spread evenly among them.
 * Browser files used to run one by one after everything else (a project of
 * its own with one worker is a separate, final phase in vitest), leaving two
 * of three workers idle for minutes. Now they overlap the integration run,
 * and browser-lock.ts keeps them to one browser at a time.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class SpreadBrowserFiles extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const of = (name: string) => sorted.filter((f) => f.project.name === name);
		const browser = of('e2e');
		const unit = of('unit');
		const rest = sorted.filter((f) => !browser.includes(f) && !unit.includes(f));
		return [...unit, ...interleave(rest, browser)];
	}
}

/** `extra` placed at even intervals through `base`, the first one at the start. */
export function interleave<T>(base: T[], extra: T[]): T[] {
	if (extra.length === 0) return base;
	const step = base.length / extra.length;
	const out: T[] = [];
	let next = 0;
	base.forEach((item, i) => {
		while (next < extra.length && next * step <= i) out.push(extra[next++]);
		out.push(item);
	});
	return [...out, ...extra.slice(next)];
}
