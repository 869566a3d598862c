/**
 * axe-core (WCAG 2.1 AA) on a Playwright page, under the app's strict CSP.
 *
 * The CSP (script-src 'self' with a nonce) blocks an injected <script> tag
 * (addScriptTag) but not Playwright's own evaluation: page.evaluate runs
 * through the DevTools protocol (Runtime.evaluate / callFunctionOn), which
 * Content-Security-Policy does not govern. So axe's source is evaluated as a
 * string in the page's main world, once per document, and then run.
 * (@axe-core/playwright does the same with more wrapping; axe-core alone
 * keeps one dependency.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
	rule: string;
	impact: string;
	help: string;
	/** one CSS selector per offending node */
	targets: string[];
}

export interface AxeOptions {
	/** nodes to leave out, as CSS selectors; say why at the call */
	exclude?: string[];
}

/** The WCAG 2.1 AA violations of the page as it is now. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
	const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
	if (!loaded) await page.evaluate(AXE_SOURCE);
	const runOptions: RunOptions = { runOnly: { type: 'tag', values: WCAG21AA }, resultTypes: ['violations'] };
	const results = await page.evaluate(
		async ([exclude, opts]) => {
			const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<AxeResults> } }).axe;
			const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
			return axe.run(context, opts);
		},
		[options.exclude ?? [], runOptions] as const
	);
	return results.violations.map((v: Result) => ({
		rule: v.id,
		impact: v.impact ?? 'unknown',
		help: v.help,
		targets: v.nodes.map((n) => n.target.map(String).join(' '))
	}));
}

/** One line per violation: rule (impact): help — targets. */
export function formatViolations(where: string, violations: AxeViolation[]): string[] {
	return violations.map((v) => `${where}: ${v.rule} (${v.impact}): ${v.help} — ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ` … +${v.targets.length - 5}` : ''}`);
}

/** Fails with a readable list when the page has WCAG 2.1 AA violations. */
export async function expectNoAxeViolations(page: Page, where: string, options: AxeOptions = {}): Promise<void> {
	const lines = formatViolations(where, await axeViolations(page, options));
	if (lines.length) throw new Error(`axe found ${lines.length} WCAG 2.1 AA violation(s):\n${lines.join('\n')}`);
}
