/**
 * The ITSM settings pages in Chromium, as the supplier admin: from the customer
 * page to the SLA targets, a target changed and saved; then an API token
 * created (its secret shown once, with a copy button), and revoked after a
 * confirmation, after which it no longer works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('ITSM settings: SLA targets and API tokens', () => {
	let server: TestServer;
	let browser: Browser;
	let norrby: string;
	let admin: Page;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		norrby = (await demoIds(server.url)).customers[NORRBY].id;
		admin = await signIn(browser, server.url, 'admin@itmastaren.example', contexts, { permissions: ['clipboard-read', 'clipboard-write'] });
	});

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	const slaSettings = async () =>
		(await (await admin.request.get(`/api/v1/customers/${norrby}/sla-settings`)).json()).settings as {
			definitions: { priority: number; responseMinutes: number | null }[];
		};

	it('changes an SLA target from the customer page', async () => {
		await admin.goto(`/customers/${norrby}`);
		await admin.getByRole('link', { name: 'ITSM-inställningar' }).click();
		await admin.waitForURL(`**/customers/${norrby}/settings/sla`);
		expect(await admin.getByRole('link', { name: 'SLA-mål' }).getAttribute('aria-current')).toBe('page');

		const p2 = admin.locator('input[name="definitions.1.responseMinutes"]');
		await p2.fill('0');
		await admin.getByRole('button', { name: 'Spara SLA-inställningar' }).click();
		await admin.getByRole('alert').filter({ hasText: 'Kontrollera de markerade fälten.' }).waitFor();
		expect(await p2.getAttribute('aria-invalid')).toBe('true');
		await expect.poll(() => admin.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('definitions.1.responseMinutes');
		expect((await slaSettings()).definitions.find((d) => d.priority === 2)?.responseMinutes).toBe(30);

		await p2.fill('60');
		await admin.getByRole('button', { name: 'Spara SLA-inställningar' }).click();
		await expect.poll(() => admin.getByRole('status').first().textContent()).toContain('SLA-inställningarna sparades');
		expect(await p2.getAttribute('aria-invalid')).toBeNull();
		expect((await slaSettings()).definitions.find((d) => d.priority === 2)?.responseMinutes).toBe(60);
		await admin.reload();
		expect(await p2.inputValue()).toBe('60');
	});

	it('the SLA page shows MTTR over all priorities beside the rows, the reopen figures with their definition; settings state the pause rule', async () => {
		const period = 'from=2000-01-01&to=2030-01-01';
		const { kpis } = await (await admin.request.get(`/api/v1/customers/${norrby}/kpis?${period}`)).json();
		expect(kpis.mttrOverall.resolved).toBeGreaterThan(0);
		await admin.goto(`/customers/${norrby}/sla?${period}`);
		const overall = admin.getByRole('row', { name: /^Alla prioriteter/ });
		const cells = await overall.getByRole('cell').allTextContents();
		expect(cells[1]).toBe(String(kpis.mttrOverall.resolved));
		expect(cells[2]).not.toBe('–');
		expect(cells[3]).not.toBe('–');
		// the KPI table: mean and median over all priorities, the reopened count, the rate with its definition beside it
		for (const name of ['MTTR alla prioriteter (medel)', 'MTTR alla prioriteter (median)', 'Återöppnade ärenden', 'Återöppningsgrad']) {
			await admin.getByRole('row').filter({ hasText: name }).first().waitFor();
		}
		const reopenRow = admin.getByRole('row').filter({ hasText: 'Återöppnade ärenden' }).first();
		expect((await reopenRow.getByRole('cell').allTextContents())[1]).toBe(String(kpis.reopen.reopened));
		expect(await admin.getByTestId('reopen-definition').textContent()).toContain('oavsett om de har lösts igen');
		await admin.goto(`/customers/${norrby}/settings/sla`);
		expect(await admin.getByText('matchas av understatusen ensam').count()).toBe(1);
	});

	it('creates a token, shows its secret once, and revokes it after a confirmation', async () => {
		await admin.getByRole('link', { name: 'API-nycklar' }).click();
		await admin.waitForURL(`**/customers/${norrby}/settings/tokens`);
		await admin.getByLabel('Namn').fill('Rapportrobot');
		await admin.getByLabel('Läsa ärenden, SLA och nyckeltal').check();
		await admin.getByRole('button', { name: 'Skapa nyckel' }).click();

		const panel = admin.getByTestId('new-token');
		await panel.waitFor();
		expect(await panel.getByRole('alert').textContent()).toContain('Den visas bara den här gången');
		const secret = await panel.getByLabel('Nyckel', { exact: true }).inputValue();
		expect(secret).toMatch(/^smv_/);
		await panel.getByRole('button', { name: 'Kopiera' }).click();
		await expect.poll(() => panel.textContent()).toContain('Kopierad');
		expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(secret);
		// the form is empty again, the new token is listed
		expect(await admin.getByLabel('Namn').inputValue()).toBe('');
		const row = admin.locator('li[data-token]').filter({ hasText: 'Rapportrobot' });
		expect(await row.textContent()).toContain('tickets:read');

		const api = (token: string) => admin.request.get(`/api/v1/customers/${norrby}/tickets?limit=1`, { headers: { authorization: `Bearer ${token}`, cookie: '' } });
		expect((await api(secret)).status()).toBe(200);

		// shown once: gone after a reload
		await admin.reload();
		expect(await admin.getByTestId('new-token').count()).toBe(0);
		expect(await admin.content()).not.toContain(secret);

		// the confirmation opens first; nothing is revoked by the first click
		await row.getByLabel('Återkalla Rapportrobot').click();
		expect((await api(secret)).status()).toBe(200);
		await row.getByRole('button', { name: 'Ja, återkalla nyckeln' }).click();
		await expect.poll(() => admin.getByRole('status').first().textContent()).toContain('API-nyckeln Rapportrobot har återkallats.');
		await expect.poll(() => row.textContent()).toContain('Återkallad');
		expect(await row.getByText('Ja, återkalla nyckeln').count()).toBe(0);
		expect((await api(secret)).status()).toBe(401);
	});
});
