/**
 * Issue 14 point 14: a walk over every page of the app, as a customer's
 * member, in Swedish and in English (the supplier's admin and a customer's
 * admin get the same check in the accessibility walk, a11y-walk.test.ts). Every page's visible text (with the options of its menus and its
 * title) is checked for message keys, stored enum values and English words
 * in Swedish (Swedish interface words in English). The pages are found from the navigation and the links of
 * each page, seeded with the known routes of the demo's ids; of the pages of
 * one shape (/meetings/:id, …) found by a link only the first is walked, to
 * stay fast; every seed is walked (a meeting of each forum, its room, …).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { findings, visibleText, type Lang } from '../helpers/language-check';
import { pageLinks, shape, walkSeeds } from '../helpers/page-walk';
import { startServer, type TestServer } from '../helpers/server';

const PER_SHAPE = 1;

/** The two admins' pages are read by the accessibility walk (a11y-walk.test.ts), with the same check, on the same visit as axe. */
const PERSONAS = [{ email: 'it@norrby.example', who: 'customer member' }] as const;

describe.skipIf(!browserAvailable)('every page in both languages', () => {
	let server: TestServer;
	let browser: Browser;
	let ids: DemoIds;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		ids = await demoIds(server.url);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	for (const persona of PERSONAS) {
		it(`has no raw keys, enum values or (in Swedish) English words for the ${persona.who}`, async () => {
			const first = await signIn(browser, server.url, persona.email, contexts);
			const context = first.context();
			const origin = new URL(first.url()).origin;
			const problems: string[] = [];
			const seen = new Set<string>();
			const perShape = new Map<string, number>();
			const seeded = new Set(walkSeeds(ids, Object.values(ids.customers[NORRBY].meetings).flatMap((list) => list.slice(0, 1))));
			const queue = [...seeded];
			const walked: string[] = [];
			const pages = [first, ...(await Promise.all([1, 2].map(() => context.newPage())))];

			const visit = async (page: Page, path: string, lang: Lang, discover: boolean) => {
				const res = await page.goto(path, { waitUntil: 'load' });
				// the page hydrates (editors, figure menus) before it is read
				await page.waitForLoadState('networkidle', { timeout: 1000 }).catch(() => {});
				const status = res?.status() ?? 0;
				if (status >= 500) problems.push(`${lang} ${path}: HTTP ${status}`);
				if (status !== 200) return;
				for (const f of findings(await visibleText(page), lang)) problems.push(`${lang} ${path}: ${f}`);
				if (discover) for (const link of await pageLinks(page, origin)) queue.push(link);
			};

			const setLang = (lang: Lang) => context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: origin }]);

			// Swedish: walk and discover
			await setLang('sv');
			while (queue.length) {
				const batch: string[] = [];
				while (queue.length && batch.length < pages.length) {
					const path = queue.shift()!;
					const key = shape(path.split('?')[0]) + (path.includes('?') ? '?' : '');
					if (seen.has(path) || (!seeded.has(path) && (perShape.get(key) ?? 0) >= PER_SHAPE)) continue;
					seen.add(path);
					perShape.set(key, (perShape.get(key) ?? 0) + 1);
					batch.push(path);
				}
				walked.push(...batch);
				await Promise.all(batch.map((path, i) => visit(pages[i], path, 'sv', true)));
			}
			// English: the same pages
			await setLang('en');
			for (let i = 0; i < walked.length; i += pages.length)
				await Promise.all(walked.slice(i, i + pages.length).map((path, j) => visit(pages[j], path, 'en', false)));

			console.log(`${persona.who}: ${walked.length} pages walked in Swedish and English`);
			expect(walked.length).toBeGreaterThan(persona.email.startsWith('admin') ? 25 : 10);
			expect(problems).toEqual([]);
		}, 240_000);
	}
});
