/**
 * Issue 18 point 6: every page of the app, as the supplier's admin and as a
 * customer's admin, has no WCAG 2.1 AA violation that axe-core finds (in
 * Swedish: the English page is the same markup with other words); and at a
 * phone's width (390 × 844) no page scrolls sideways, in either language. On the same visit each page's text gets the language walk's
 * check (no message keys, enum values or words of the other language:
 * language-check.ts). The pages are the known routes of the demo (with its year of
 * history, so there are approved meetings) plus what their links lead to,
 * one page of each shape; the meetings are one of each state: planned, in
 * progress (started here), with minutes to approve, approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { axeViolations, formatViolations } from '../helpers/axe';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { findings, visibleText, type Lang } from '../helpers/language-check';
import { pageLinks, shape, walkSeeds } from '../helpers/page-walk';
import { PHONE_CONTEXT, sidewaysScroll } from '../helpers/phone';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';


const PERSONAS = [
	{ email: 'admin@itmastaren.example', who: 'supplier admin' },
	{ email: 'avtal@norrby.example', who: 'customer admin' }
] as const;

interface MeetingRow {
	id: string;
	status: string;
}

/** One meeting of each state the meeting page shows differently. */
async function meetingsByState(api: ApiClient, ids: DemoIds): Promise<Record<string, string>> {
	const c = ids.customers[NORRBY];
	const out: Record<string, string> = {};
	for (const forum of Object.values(c.forums)) {
		const { body } = await api.json<{ meetings: MeetingRow[] }>('GET', `/api/v1/forums/${forum.id}/meetings`);
		for (const m of body.meetings) out[m.status] ??= m.id;
	}
	return out;
}



describe.skipIf(!browserAvailable)('every page is accessible (WCAG 2.1 AA) and fits a phone', () => {
	let server: TestServer;
	let browser: Browser;
	let ids: DemoIds;
	let meetings: Record<string, string>;
	const contexts: BrowserContext[] = [];
	/** the pages the supplier's admin walked (the customer's walk finds its own) */
	const walkedBy = new Map<string, string[]>();

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true, env: { SAMVERKAN_DEMO_HISTORY: '1' } }), launchBrowser()]);
		ids = await demoIds(server.url);
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		meetings = await meetingsByState(admin, ids);
		// a meeting in progress and one with minutes to approve: planned meetings of other forums, started (and ended) by their chair
		const c = ids.customers[NORRBY];
		const people = [...ids.supplierStaff, ...c.people];
		const others: { meetingId: string; chair: string }[] = [];
		for (const forum of Object.values(c.forums)) {
			const { body } = await admin.json<{ meetings: MeetingRow[] }>('GET', `/api/v1/forums/${forum.id}/meetings`);
			const chairId = forum.duties.find((d) => d.duty === 'chair')?.personId;
			const chair = people.find((p) => p.id === chairId)?.email;
			const next = body.meetings.find((m) => m.status === 'planned' && m.id !== meetings.planned);
			if (next && chair) others.push({ meetingId: next.id, chair });
		}
		for (const [i, state] of (['in_progress', 'minutes_draft'] as const).entries()) {
			const { meetingId, chair } = others[i];
			const api = await new ApiClient(server.url).login(chair);
			const started = await api.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true });
			if (started.status >= 300) throw new Error(`start ${meetingId} as ${chair}: ${started.status} ${JSON.stringify(started.body)}`);
			if (state === 'minutes_draft') {
				const ended = await api.json('POST', `/api/v1/meetings/${meetingId}/end`, {});
				if (ended.status >= 300) throw new Error(`end ${meetingId}: ${ended.status} ${JSON.stringify(ended.body)}`);
			}
			meetings[state] = meetingId;
		}
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('has one meeting of each state to walk', () => {
		expect(Object.keys(meetings).sort()).toEqual(expect.arrayContaining(['in_progress', 'minutes_approved', 'minutes_draft', 'planned']));
	});

	for (const persona of PERSONAS) {
		it(`has no axe violations (Swedish) nor words of the wrong language (Swedish and English) for the ${persona.who}`, async () => {
			const first = await signIn(browser, server.url, persona.email, contexts, { viewport: { width: 1280, height: 900 } });
			const context = first.context();
			const origin = new URL(first.url()).origin;
			const problems: string[] = [];
			const seen = new Set<string>();
			const shapes = new Set<string>();
			const seeded = new Set(walkSeeds(ids, Object.values(meetings)));
			const queue = [...seeded];
			const walked: string[] = [];
			const pages = [first, await context.newPage()];

			const visit = async (page: Page, path: string, lang: Lang, discover: boolean) => {
				const res = await page.goto(path, { waitUntil: 'load' });
				await page.waitForLoadState('networkidle', { timeout: 1500 }).catch(() => {});
				const status = res?.status() ?? 0;
				if (status !== 200) return void (status >= 500 && problems.push(`${lang} ${path}: HTTP ${status}`));
				// axe once per page, in Swedish: its rules read the markup, names, roles and colours, which
				// the English page shares; the English text gets the language check below and the 390 px walk
				if (lang === 'sv') problems.push(...formatViolations(`${lang} ${path}`, await axeViolations(page)));
				// the language walk's check, on the same visit (language-check.ts)
				for (const f of findings(await visibleText(page), lang)) problems.push(`${lang} ${path}: ${f}`);
				if (discover) for (const link of await pageLinks(page, origin)) queue.push(link);
			};
			const setLang = (lang: Lang) => context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: origin }]);

			await setLang('sv');
			while (queue.length) {
				const batch: string[] = [];
				while (queue.length && batch.length < pages.length) {
					const path = queue.shift()!;
					const key = shape(path.split('?')[0]) + (path.includes('?') ? '?' : '');
					if (seen.has(path) || (!seeded.has(path) && shapes.has(key))) continue;
					seen.add(path);
					shapes.add(key);
					batch.push(path);
				}
				walked.push(...batch);
				await Promise.all(batch.map((path, i) => visit(pages[i], path, 'sv', true)));
			}
			await setLang('en');
			for (let i = 0; i < walked.length; i += pages.length)
				await Promise.all(walked.slice(i, i + pages.length).map((path, j) => visit(pages[j], path, 'en', false)));
			walkedBy.set(persona.email, walked);

			console.log(`axe (Swedish) and language check (both), ${persona.who}: ${walked.length} pages, ${problems.length} problem(s)`);
			expect(walked.length).toBeGreaterThan(persona.email.startsWith('admin') ? 30 : 15);
			expect(problems).toEqual([]);
		}, 600_000);
	}

	it('has no axe violations on the login page, in both languages', async () => {
		const context = await browser.newContext({ baseURL: server.url.replace('127.0.0.1', 'localhost') });
		contexts.push(context);
		const page = await context.newPage();
		const problems: string[] = [];
		for (const lang of ['sv', 'en'] as const) {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: server.url.replace('127.0.0.1', 'localhost') }]);
			await page.goto('/login');
			problems.push(...formatViolations(`${lang} /login`, await axeViolations(page)));
		}
		expect(problems).toEqual([]);
	});

	for (const persona of PERSONAS) {
		it(`no page scrolls sideways at 390 px for the ${persona.who}, in both languages`, async () => {
			const walked = walkedBy.get(persona.email);
			expect(walked?.length).toBeGreaterThan(0);
			const first = await signIn(browser, server.url, persona.email, contexts, PHONE_CONTEXT);
			const origin = new URL(first.url()).origin;
			// two pages at a time, as the axe walk does: most of a visit is waiting for the page to settle
			const pages = [first, await first.context().newPage()];
			const problems: string[] = [];
			const check = async (page: Page, path: string, lang: string) => {
				const res = await page.goto(path, { waitUntil: 'load' });
				if (res?.status() !== 200) return;
				await page.waitForLoadState('networkidle', { timeout: 1500 }).catch(() => {});
				const { over, culprits } = await sidewaysScroll(page);
				if (over > 0) problems.push(`${lang} ${path}: scrolls ${over}px sideways: ${culprits.join(', ')}`);
			};
			for (const lang of ['sv', 'en'] as const) {
				await first.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: origin }]);
				for (let i = 0; i < walked!.length; i += pages.length) await Promise.all(walked!.slice(i, i + pages.length).map((path, j) => check(pages[j], path, lang)));
			}
			console.log(`390 px, ${persona.who}: ${walked!.length} pages × 2 languages, ${problems.length} scroll sideways`);
			expect(problems).toEqual([]);
		}, 600_000);
	}
});
