/**
 * Browser journey (issue 7, customer portal) as avtal@norrby.example: the
 * portal home, the SLA report whose chart and table show the numbers of
 * GET /api/v1/customers/{id}/sla, drill-down to the tickets, CSV export, and
 * the knowledge base found by an inflected Swedish word and marked helpful.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('customer portal in the browser', () => {
	let server: TestServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let customerId: string;
	let month: string;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		context = await browser.newContext({ baseURL: server.url.replace('127.0.0.1', 'localhost'), acceptDownloads: true });
		page = await context.newPage();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	const api = async (path: string) => {
		const res = await page.request.get(path);
		expect(res.status(), path).toBe(200);
		return res.json();
	};

	it('signs in and reaches the portal home from the top navigation', async () => {
		await page.goto('/login');
		await page.getByLabel('E-postadress').fill('avtal@norrby.example');
		await page.getByLabel('Lösenord').fill('demo1234');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await page.getByRole('navigation', { name: /huvud|main/i }).getByRole('link', { name: 'Portal' }).click();
		await page.waitForURL(/\/customers\/[0-9a-f-]{36}\/portal$/);
		customerId = /customers\/([0-9a-f-]{36})/.exec(page.url())![1];
		const main = page.locator('main');
		await expect.poll(() => main.getByRole('heading', { name: 'Nästa möten' }).count()).toBe(1);
		for (const h of ['SLA denna månad', 'Mina aktiviteter', 'Senast justerade protokoll', 'Självhjälp per tjänst']) expect(await main.getByRole('heading', { name: h }).count(), h).toBe(1);
		expect(await main.getByRole('link', { name: 'Återställa lösenord' }).count()).toBeGreaterThan(0);
	});

	it('opens the SLA report: table and chart show the numbers of the SLA API', async () => {
		// a month of the demo with decided tickets
		const { report } = await api(`/api/v1/customers/${customerId}/reports/sla`);
		// a month whose resolution share is shown (enough tickets behind it, itsm/sample-size.ts)
		month = [...report.trend].reverse().find((t: { resolution: number | null; tooFewTickets: { resolution: boolean } }) => t.resolution !== null && !t.tooFewTickets.resolution)?.key ?? report.period.key;
		await page.getByRole('link', { name: 'SLA-rapport' }).first().click();
		await page.waitForURL(/\/portal\/sla/);
		await page.getByLabel('Period').selectOption(month);
		await page.getByRole('button', { name: 'Visa' }).click();
		await page.waitForURL(new RegExp(`period=${month}`));

		const r = (await api(`/api/v1/customers/${customerId}/reports/sla?period=${month}`)).report;
		const { sla } = await api(`/api/v1/customers/${customerId}/sla?from=${encodeURIComponent(r.period.from)}&to=${encodeURIComponent(r.period.to)}`);
		for (const metric of ['response', 'resolution'] as const) {
			const table = page.getByTestId(`sla-${metric}`);
			for (const row of sla[metric]) {
				const tr = table.locator(`tr[data-priority="${row.priority}"]`);
				expect(Number(await tr.locator('[data-field="met"]').innerText()), `${metric} P${row.priority} met`).toBe(row.met);
				expect(Number(await tr.locator('[data-field="breached"]').innerText()), `${metric} P${row.priority} breached`).toBe(row.breached);
			}
			const total = table.locator('tr[data-priority="total"]');
			expect(Number(await total.locator('[data-field="met"]').innerText())).toBe(sla.total[metric].met);
		}
		// the chart is drawn, and its text alternative carries this period's compliance
		const chart = page.getByTestId('sla-trend').locator('svg[role="img"]');
		expect(await chart.count()).toBe(1);
		expect(await chart.locator('path').count()).toBeGreaterThan(0);
		const desc = await chart.locator('desc').textContent();
		const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
		expect(desc).toContain(pct(sla.total.resolution.compliance));
	});

	it('drills down to the tickets behind the resolution total', async () => {
		const r = (await api(`/api/v1/customers/${customerId}/reports/sla?period=${month}`)).report;
		const outcome = r.sla.total.resolution.met > 0 ? 'met' : 'breached';
		const expected = r.sla.total.resolution[outcome];
		await page.getByTestId('sla-resolution').locator('tr[data-priority="total"]').locator(`[data-field="${outcome}"] a`).click();
		await page.waitForURL(/\/portal\/sla\/tickets/);
		expect(await page.getByTestId('drill-total').innerText()).toContain(String(expected));
		expect(await page.getByTestId('drill-tickets').locator('tbody tr').count()).toBe(Math.min(expected, 200));
	});

	it('exports the report as CSV', async () => {
		await page.goto(`/customers/${customerId}/portal/sla?period=${month}`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportera CSV' }).click()]);
		expect(download.suggestedFilename()).toBe(`sla-${month}.csv`);
		const path = await download.path();
		const { readFileSync } = await import('node:fs');
		const text = readFileSync(path, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text).toContain('Period;Mått;Prioritet');
	});

	it('finds an article by an inflected Swedish word and marks it helpful', async () => {
		await page.goto(`/customers/${customerId}/portal`);
		await page.getByLabel('Sök i kunskapsbanken').fill('lösenordet');
		await page.getByRole('button', { name: 'Sök' }).click();
		await page.waitForURL(/\/portal\/kb\?q=/);
		const results = page.getByTestId('search-results');
		await results.getByRole('link', { name: 'Återställa lösenord' }).click();
		await page.waitForURL(/\/portal\/kb\/[0-9a-f-]{36}$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Återställa lösenord');
		const before = await page.getByTestId('article-helpful').innerText();
		await page.getByRole('button', { name: 'Ja', exact: true }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Tack för ditt svar' }).count()).toBe(1);
		await expect.poll(() => page.getByTestId('article-helpful').innerText()).not.toBe(before);
		expect(await page.getByRole('button', { name: 'Ja', exact: true }).getAttribute('aria-pressed')).toBe('true');
		const articleId = /kb\/([0-9a-f-]{36})/.exec(page.url())![1];
		const { article } = await api(`/api/v1/customers/${customerId}/articles/${articleId}`);
		expect(article.myFeedback).toBe(true);
		expect(article.helpfulYes).toBeGreaterThan(0);
		expect(article.views).toBeGreaterThan(0);
	});
});
