/**
 * "Find anything" in the browser (issue 18, part 4) as Norrby's contract
 * owner: `/` focuses the header's search box, "brandväggen" finds the
 * decision of last spring's approved meeting (marked, grouped under
 * "Beslut"), the arrow keys walk the hits and Enter opens the decision in
 * its meeting, scrolled into view; nothing of Vattenbolaget nor of the supplier's internal notes
 * or material is on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser';
import { firewallFixture, INTERNAL_NOTE, NORRBY_DECISION_TEXT, OTHER_DECISION_TEXT, type FirewallFixture } from '../helpers/search-fixtures';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('find anything in the browser', () => {
	let server: TestServer;
	let browser: Browser;
	let page: Page;
	let fx: FirewallFixture;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		fx = await firewallFixture(server);
		const context = await browser.newContext({ baseURL: server.url.replace('127.0.0.1', 'localhost') });
		page = await context.newPage();
	});

	afterAll(async () => {
		for (const c of fx?.clients ?? []) c.destroy();
		await browser?.close();
		await server?.stop();
	});

	it('the customer finds the decision of a past approved meeting, and nothing of the other customer or of internal notes', async () => {
		await page.goto('/login');
		await page.getByLabel('E-postadress').fill('avtal@norrby.example');
		await page.getByLabel('Lösenord').fill('demo1234');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));

		// "/" from anywhere on the page focuses the one search box in the header
		await page.keyboard.press('/');
		const box = page.getByRole('searchbox', { name: 'Sök i Samverkan' }).first();
		await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.type('brandväggen');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/search\?q=brandv/);

		const decisions = page.locator('[data-testid="search-group"][data-kind="decision"]');
		expect(await decisions.getByRole('heading', { name: /^Beslut/ }).count()).toBe(1);
		const hit = decisions.getByTestId('search-hit').filter({ hasText: NORRBY_DECISION_TEXT });
		expect(await hit.count()).toBe(1);
		expect(await hit.locator('mark').allInnerTexts()).toEqual(['brandvägg']);

		const text = await page.locator('main').innerText();
		for (const secret of [OTHER_DECISION_TEXT, 'reningsverket', INTERNAL_NOTE, 'offerera', 'brandvagg-offert-internt']) expect(text, secret).not.toContain(secret);
		expect(await page.locator('[data-kind="internal"]').count()).toBe(0);
		expect(await page.locator(`a[href*="${fx.otherMeeting}"]`).count()).toBe(0);

		// the arrow keys walk the hits from the search field; Enter opens the decision in its meeting
		const field = page.getByTestId('search-q');
		await field.focus();
		await page.keyboard.press('ArrowDown');
		const links = page.getByTestId('search-hit-link');
		const target = `/meetings/${fx.norrbyMeeting}#decision-${fx.norrbyDecision}`;
		const index = (await links.evaluateAll((els) => els.map((a) => a.getAttribute('href')))).indexOf(target);
		expect(index).toBeGreaterThanOrEqual(0);
		for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(target);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === `/meetings/${fx.norrbyMeeting}`);
		const decision = page.locator(`#decision-${fx.norrbyDecision}`);
		await decision.waitFor();
		expect(await decision.innerText()).toContain(NORRBY_DECISION_TEXT);
		// the minutes load after the page: the decision is scrolled into view once it is there
		await expect
			.poll(() => decision.evaluate((el) => {
				const r = el.getBoundingClientRect();
				return r.top >= 0 && r.bottom <= window.innerHeight;
			}))
			.toBe(true);
	});
});
