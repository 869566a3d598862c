/**
 * User journey (issue: Foundation): a customer's contract owner signs in, opens
 * the operational forum, reads its tasks, agenda template and duty matrix in
 * Swedish, then switches the interface to English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('forum journey in the browser', () => {
	let server: TestServer;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		// localhost, not 127.0.0.1: the cookie jar treats them as different sites
		const context = await browser.newContext({ baseURL: server.url.replace('127.0.0.1', 'localhost') });
		page = await context.newPage();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('signs in as the customer admin of Norrby kommun', async () => {
		await page.goto('/');
		await expect.poll(() => page.url()).toContain('/login');
		await page.getByLabel('E-postadress').fill('avtal@norrby.example');
		await page.getByLabel('Lösenord').fill('demo1234');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await expect.poll(() => page.getByText('Eva Norberg').count()).toBeGreaterThan(0);
	});

	it('opens Operativt forum and sees tasks, agenda and duties in Swedish', async () => {
		await page.getByRole('link', { name: /^Operativt forum$/ }).first().click();
		await page.waitForURL(/\/forums\/[0-9a-f-]{36}$/);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Operativt forum');

		const main = page.locator('main');
		await expect.poll(() => main.getByRole('heading', { name: 'Uppgifter' }).count()).toBeGreaterThan(0);
		expect(await main.innerText()).toContain('Hantera eskalerade ärenden');
		await expect.poll(() => main.getByRole('heading', { name: /dagordning/i }).count()).toBeGreaterThan(0);
		expect(await main.innerText()).toContain('Incidentuppföljning');
		expect(await main.innerText()).toContain('Genomgång av aktivitetslista');

		await expect.poll(() => main.getByRole('heading', { name: 'Ansvar' }).count()).toBeGreaterThan(0);
		const duties = main.getByRole('table', { name: /ansvar/i });
		const dutyText = await duties.innerText();
		for (const duty of ['Sammankallande', 'Ordförande', 'Protokollförare', 'Föredragande', 'Förberedande']) {
			expect(dutyText).toContain(duty);
		}
		// the demo's chair of Norrby's operational forum is the supplier's BAM
		expect(dutyText).toContain('Johan Berg');
	});

	it('switches the interface to English', async () => {
		const url = page.url();
		await page.getByRole('button', { name: 'In English' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
		expect(page.url()).toBe(url);

		const main = page.locator('main');
		await expect.poll(() => main.getByRole('heading', { name: 'Tasks' }).count()).toBeGreaterThan(0);
		expect(await main.innerText()).toContain('Handle escalated cases');
		await expect.poll(() => main.getByRole('heading', { name: /agenda/i }).count()).toBeGreaterThan(0);
		expect(await main.innerText()).toContain('Incident follow-up');
		await expect.poll(() => main.getByRole('heading', { name: 'Responsibilities' }).count()).toBeGreaterThan(0);
		expect(await main.getByRole('table', { name: /responsibilities/i }).innerText()).toContain('Chair');
		// the choice sticks across navigation
		await page.getByRole('link', { name: 'Home' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
	});
});
